"""The form's validation action, turn by turn, with a real database behind it."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.elicitation import ValidateElicitationForm
from coproduce.aims import service as aim_service
from coproduce.aims.topics import SKIPPED
from coproduce.safety.assess import Assessment
from coproduce.visits.service import hash_token
from tests.builders import EXAMPLE_ANSWERS, make_visit, tracker

DOMAIN: dict[str, Any] = {"responses": {}}


def run(**kwargs: Any) -> tuple[dict[str, Any], list[str], CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = pytest.importorskip("asyncio").run(
        ValidateElicitationForm().run(dispatcher, tracker(**kwargs), DOMAIN)
    )
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    responses = [m.get("response") or m.get("text") for m in dispatcher.messages]
    return slots, responses, dispatcher


@pytest.fixture
def visit(session: Session) -> dict[str, Any]:
    visit, token = make_visit(session)
    return {"visit_id": visit.id, "invite_token": hash_token(token), "token": token}


def bound(visit: dict[str, Any], **slots: Any) -> dict[str, Any]:
    return {"visit_id": visit["visit_id"], "invite_token": visit["invite_token"], **slots}


def test_activation_asks_for_consent_with_the_intro(visit: dict[str, Any]) -> None:
    slots, _, _ = run(text="hi", intent="greet", in_form=False, token=visit["token"])
    assert slots["requested_slot"] == "consent"
    assert slots["visit_id"] == visit["visit_id"]
    assert slots["form_prompt"] == "ask"


def test_an_opening_call_back_request_asks_for_the_number_first(visit: dict[str, Any]) -> None:
    slots, _, _ = run(
        text="can i speak to someone instead of a robot",
        intent="request_callback",
        in_form=False,
        token=visit["token"],
    )
    assert slots["callback_wanted"] is True
    assert slots["requested_slot"] == "callback_phone"


def test_an_opening_question_about_the_chat_is_answered_then_it_starts(
    visit: dict[str, Any],
) -> None:
    slots, responses, _ = run(
        text="who will see what I write?",
        intent="ask_who_sees",
        in_form=False,
        token=visit["token"],
    )
    assert responses == ["utter_who_sees"]
    assert slots["requested_slot"] == "consent"


def test_who_is_typing_is_heard_in_an_opening_that_raises_a_danger(
    visit: dict[str, Any],
) -> None:
    slots, _, _ = run(
        text="I'm writing on behalf of my husband, he has crushing chest pain right now",
        in_form=False,
        token=visit["token"],
        safety=Assessment("check", ("chest_pain",)).to_metadata(),
    )
    assert slots.get("safety_check")
    assert slots["respondent"] == {"type": "proxy", "relationship": "wife"}


def test_activation_with_an_unknown_token_stops_kindly(database_url: str) -> None:
    slots, responses, _ = run(text="hi", intent="greet", in_form=False, token="nope")
    assert responses == ["utter_invite_invalid"]
    assert slots["requested_slot"] is None


def test_consent_yes_moves_to_the_aim(visit: dict[str, Any]) -> None:
    slots, _, _ = run(
        text="yes ok",
        intent="affirm",
        requested_slot="consent",
        slots=bound(visit),
        token=visit["token"],
    )
    assert slots["consent"] is True
    assert slots["requested_slot"] == "aim"


def test_a_yes_with_a_condition_goes_ahead_and_says_who_sees(visit: dict[str, Any]) -> None:
    slots, responses, _ = run(
        text="aye fine, as long as none of it goes to the council",
        intent="inform",
        requested_slot="consent",
        slots=bound(visit),
        token=visit["token"],
    )
    assert slots["consent"] is True
    assert responses[:2] == ["utter_who_sees", "utter_consent_given"]


def test_a_yes_with_a_call_back_already_asked_for_goes_ahead(visit: dict[str, Any]) -> None:
    callback = {"phone": "07700 900123", "preferred_time": "mornings", "reason": "a person"}
    slots, responses, _ = run(
        text="yes go on, though I'd still rather talk to a person",
        intent="inform",
        requested_slot="consent",
        slots={**bound(visit), "callback": callback},
        token=visit["token"],
    )
    assert slots["consent"] is True
    assert "utter_consent_declined" not in responses


def test_consent_no_declines_and_stores_nothing(visit: dict[str, Any], session: Session) -> None:
    slots, responses, _ = run(
        text="no thanks",
        intent="deny",
        requested_slot="consent",
        slots=bound(visit),
        token=visit["token"],
    )
    assert slots["consent"] is False and slots["requested_slot"] is None
    assert responses == ["utter_consent_declined"]
    summary = aim_service.get_summary(session=session, visit_id=visit["visit_id"])
    assert summary is not None and summary.status == "declined"


def test_no_but_call_me_declines_and_asks_for_the_number(
    visit: dict[str, Any], session: Session
) -> None:
    slots, responses, _ = run(
        text="no i'd rather just talk to the doctor",
        intent="request_callback",
        requested_slot="consent",
        slots=bound(visit),
        token=visit["token"],
    )
    assert slots["consent"] is False and slots["callback_wanted"] is True
    assert slots["requested_slot"] == "callback_phone"
    assert responses == ["utter_consent_declined"]
    summary = aim_service.get_summary(session=session, visit_id=visit["visit_id"])
    assert summary is not None and summary.status == "declined"


def test_yes_but_id_rather_talk_to_someone_goes_ahead_and_asks_for_the_number(
    visit: dict[str, Any],
) -> None:
    slots, responses, _ = run(
        text="Yes that's fine. Mind you I'd much sooner speak to a real person, I hate typing",
        intent="request_callback",
        requested_slot="consent",
        slots=bound(visit),
        token=visit["token"],
    )
    assert slots["consent"] is True and slots["callback_wanted"] is True
    assert slots["requested_slot"] == "callback_phone"
    assert responses == ["utter_consent_given"]


_AIM_ASKING_FOR_SOMEONE = (
    "I just dont feel like myself since the baby came, everyone says I should be happy and I "
    "love her I do but I cry every day and my mum says its just tiredness but I dont think it "
    "is, I think I need to talk to someone"
)


def test_an_answer_that_also_asks_for_someone_is_kept_and_the_call_back_offered(
    visit: dict[str, Any], session: Session
) -> None:
    slots, _, _ = run(
        text=_AIM_ASKING_FOR_SOMEONE,
        requested_slot="aim",
        slots=bound(visit, consent=True),
        token=visit["token"],
    )
    assert slots["aim"] == _AIM_ASKING_FOR_SOMEONE
    assert slots["callback_wanted"] is True
    assert slots["requested_slot"] == "callback_phone"
    summary = aim_service.get_summary(session=session, visit_id=visit["visit_id"])
    assert summary is not None and summary.aim.statement == _AIM_ASKING_FOR_SOMEONE


def test_a_request_that_is_only_a_request_is_not_kept_as_the_answer(
    visit: dict[str, Any],
) -> None:
    slots, _, _ = run(
        text="I'd rather talk to a person, I don't do computers",
        requested_slot="aim",
        slots=bound(visit, consent=True),
        token=visit["token"],
    )
    assert "aim" not in slots
    assert slots["requested_slot"] == "callback_phone"


def test_the_same_long_message_after_a_declined_call_back_is_the_answer(
    visit: dict[str, Any],
) -> None:
    text = "honestly " + _AIM_ASKING_FOR_SOMEONE + " and I have not slept properly in weeks" * 3
    assert len(text) > 200 and text[199] == " "  # the stored reason is cut at a space
    declined = {"callback_wanted": False, "callback_reason": " ".join(text.split())[:200]}
    slots, _, _ = run(
        text=text,
        requested_slot="aim",
        slots=bound(visit, consent=True, **declined),
        token=visit["token"],
    )
    assert slots["aim"] == text.strip()
    assert slots["requested_slot"] == "what_matters"


def test_a_long_answer_is_kept_whole_and_saved(visit: dict[str, Any], session: Session) -> None:
    text = (
        "  well honestly the main thing is my breathing, and the tablets make me sick, and my "
        "wife worries  "
    )
    slots, _, _ = run(
        text=text, requested_slot="aim", slots=bound(visit, consent=True), token=visit["token"]
    )
    assert slots["aim"] == text.strip()
    assert slots["requested_slot"] == "what_matters"
    summary = aim_service.get_summary(session=session, visit_id=visit["visit_id"])
    assert summary is not None and summary.aim.statement == text.strip()
    assert summary.status == "in_progress"


@pytest.mark.parametrize("text", ["dunno", "no idea tbh", "um not sure really"])
def test_a_first_dont_know_is_asked_again_another_way_and_a_second_skips(
    visit: dict[str, Any], text: str
) -> None:
    slots, responses, _ = run(
        text=text,
        intent="dont_know",
        requested_slot="treatment_burden",
        slots=bound(visit, consent=True),
        token=visit["token"],
    )
    assert "treatment_burden" not in slots
    assert slots["misunderstood"] == {"slot": "treatment_burden", "count": 1}
    assert slots["form_prompt"] == "rephrase"
    assert responses == []
    again, responses, _ = run(
        text="dunno",
        intent="dont_know",
        requested_slot="treatment_burden",
        slots=bound(visit, consent=True, misunderstood=slots["misunderstood"]),
        token=visit["token"],
    )
    assert again["treatment_burden"] == SKIPPED
    assert responses == ["utter_skip_ack"]


@pytest.mark.parametrize("text", ["skip", "I'd rather not say", "pass", "dunno, skip it"])
def test_skip_phrases_skip_the_topic(visit: dict[str, Any], text: str) -> None:
    slots, responses, _ = run(
        text=text,
        intent="dont_know",
        requested_slot="assets",
        slots=bound(visit, consent=True),
        token=visit["token"],
    )
    assert slots["assets"] == SKIPPED
    assert slots["skipped_topics"] == ["assets"]
    assert slots["requested_slot"] == "consent" or slots["requested_slot"] is not None
    assert responses == ["utter_skip_ack"]


def test_dont_know_with_content_is_an_answer(visit: dict[str, Any]) -> None:
    text = "I don't know which tablets to take when"
    slots, _, _ = run(
        text=text,
        intent="dont_know",
        confidence=0.7,
        requested_slot="treatment_burden",
        slots=bound(visit, consent=True),
        token=visit["token"],
    )
    assert slots["treatment_burden"] == text


@pytest.mark.parametrize(
    ("text", "intent", "response"),
    [
        ("who will see this?", "ask_who_sees", "utter_who_sees"),
        ("why do you need to know that", "ask_why", "utter_why"),
        ("how long will this take", "ask_how_long", "utter_how_long"),
        ("am I talking to a real person", "bot_challenge", "utter_iamabot"),
        # The classifier missed it, but it is a short question about who sees the answers.
        ("is this going to the NHS?", "inform", "utter_who_sees"),
    ],
)
def test_questions_are_answered_and_the_topic_asked_again(
    visit: dict[str, Any], text: str, intent: str, response: str
) -> None:
    slots, responses, _ = run(
        text=text,
        intent=intent,
        requested_slot="supports",
        slots=bound(visit, consent=True),
        token=visit["token"],
    )
    assert responses == [response]
    assert "supports" not in slots
    assert slots["form_prompt"] == "reask"


@pytest.mark.parametrize(
    ("text", "value"),
    [("about a 4", 4), ("4/10", 4), ("three", 3), ("maybe 2 or 3", 2), ("10", 10), ("0", 0)],
)
def test_ratings_in_many_forms(visit: dict[str, Any], text: str, value: int) -> None:
    slots, _, _ = run(
        text=text,
        requested_slot="baseline_rating",
        slots=bound(visit, consent=True),
        token=visit["token"],
    )
    assert slots["baseline_rating"] == value


@pytest.mark.parametrize(
    ("respondent", "value"),
    [({"type": "proxy", "relationship": "wife"}, 4), ({"type": "patient"}, 3)],
)
def test_a_rating_passed_on_for_the_patient_is_theirs(
    visit: dict[str, Any], respondent: dict[str, str], value: int
) -> None:
    slots, _, _ = run(
        text="He says 4. I'd say 3.",
        requested_slot="baseline_rating",
        slots=bound(visit, consent=True, respondent=respondent),
        token=visit["token"],
    )
    assert slots["baseline_rating"] == value


@pytest.mark.parametrize(
    ("text", "responses", "prompt"),
    [("11", ["utter_rating_out_of_range"], "reask"), ("not great", [], "rephrase")],
)
def test_unclear_ratings_are_asked_again_another_way(
    visit: dict[str, Any], text: str, responses: list[str], prompt: str
) -> None:
    slots, said, _ = run(
        text=text,
        requested_slot="baseline_rating",
        slots=bound(visit, consent=True),
        token=visit["token"],
    )
    assert "baseline_rating" not in slots
    assert said == responses
    assert slots["form_prompt"] == prompt
    assert slots["misunderstood"] == {"slot": "baseline_rating", "count": 1}


def test_a_rating_still_unclear_the_second_time_is_skipped_with_the_reason(
    visit: dict[str, Any],
) -> None:
    slots, said, _ = run(
        text="hard to put a number on it really",
        requested_slot="baseline_rating",
        slots=bound(visit, consent=True, misunderstood={"slot": "baseline_rating", "count": 1}),
        token=visit["token"],
    )
    assert slots["baseline_rating"] == "__skipped__"
    assert slots["skip_reasons"] == {"baseline_rating": "unclear"}
    assert said == ["utter_moving_on_nothing"]


def _complete(visit: dict[str, Any]) -> dict[str, Any]:
    return bound(visit, consent=True, baseline_rating=3, **EXAMPLE_ANSWERS)


def _at_the_read_back(visit: dict[str, Any], text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The slots before and after a reply to the read-back of the example answers."""
    before = _complete(visit)
    slots, _, _ = run(
        text=text, requested_slot="confirm_summary", slots=before, token=visit["token"]
    )
    return before, slots


def test_confirming_completes_the_visit(visit: dict[str, Any], session: Session) -> None:
    slots, _, _ = run(
        text="yes that's right",
        intent="affirm",
        requested_slot="confirm_summary",
        slots=_complete(visit),
        token=visit["token"],
    )
    assert slots["confirm_summary"] is True and slots["requested_slot"] is None
    summary = aim_service.get_summary(session=session, visit_id=visit["visit_id"])
    assert summary is not None and summary.status == "completed" and summary.patient_confirmed


def test_a_correction_with_new_words_updates_that_topic(visit: dict[str, Any]) -> None:
    slots, _, _ = run(
        text="actually my main goal is to sleep through the night",
        intent="correct",
        requested_slot="confirm_summary",
        slots=_complete(visit),
        token=visit["token"],
    )
    assert "sleep through the night" in slots["aim"]
    assert slots["requested_slot"] == "confirm_summary"
    assert slots["form_prompt"] == "updated"


@pytest.mark.parametrize(
    "text",
    [
        "My wife Harpreet does all my tablets in box every week and cooks for me. Please put her.",
        "Please add that I am the main carer for my husband Frank, who has dementia.",
    ],
)
def test_someone_the_read_back_left_out_is_added(visit: dict[str, Any], text: str) -> None:
    before = _complete(visit)
    slots, _, _ = run(
        text=text, requested_slot="confirm_summary", slots=before, token=visit["token"]
    )
    assert slots["supports"].startswith(before["supports"].rstrip("."))
    assert ("Harpreet" in slots["supports"]) or ("Frank" in slots["supports"])
    assert "Please" not in slots["supports"]
    assert slots["requested_slot"] == "confirm_summary"
    assert slots["form_prompt"] == "updated"


def test_two_changes_in_one_message_are_both_made(visit: dict[str, Any]) -> None:
    before, slots = _at_the_read_back(
        visit,
        "You missed that I look after my mum at weekends, she has MS. Also the main thing "
        "is missing work, not the running",
    )
    assert slots["supports"].startswith(before["supports"].rstrip("."))
    assert "I look after my mum at weekends" in slots["supports"]
    assert slots["one_thing"] == "missing work"
    assert slots["form_prompt"] == "updated"


def test_a_priority_after_a_sentence_of_its_own_changes_what_to_sort_first(
    visit: dict[str, Any],
) -> None:
    before, slots = _at_the_read_back(
        visit, "No. Not the tremor. The main thing is the freezing, please put that first."
    )
    assert slots["one_thing"] == "the freezing"
    assert slots.get("treatment_burden", before["treatment_burden"]) == before["treatment_burden"]


@pytest.mark.parametrize(
    "text",
    [
        # The GP is in no answer: asked about, not written over the people in their life.
        "nearly! but it's not the GP i'm cross with, it's that nobody agrees who's responsible",
        # A son is in no answer either (it was the daughter).
        "it's not my son that does the shopping, it's my sister",
    ],
)
def test_a_change_to_an_item_no_answer_holds_is_asked_about_not_written_over(
    visit: dict[str, Any], text: str
) -> None:
    before, slots = _at_the_read_back(visit, text)
    assert slots.get("supports", before["supports"]) == before["supports"]
    assert slots["correction_pending"] is True


def test_a_care_preference_added_at_the_read_back_goes_to_care_preferences(
    visit: dict[str, Any],
) -> None:
    before, slots = _at_the_read_back(
        visit, "yes, but can you add i'd prefer a woman doctor if possible"
    )
    assert slots.get("supports", before["supports"]) == before["supports"]
    assert slots["care_preferences"].endswith("i'd prefer a woman doctor if possible")
    assert "yes" not in slots["care_preferences"].lower().split()
    assert slots["form_prompt"] == "updated"


@pytest.mark.parametrize(
    "text", ["yes but put the mood first please not the hands", "the mood is the main thing"]
)
def test_which_to_sort_first_is_changed_without_touching_the_burdens(
    visit: dict[str, Any], text: str
) -> None:
    before = _complete(visit)
    slots, _, _ = run(
        text=text, requested_slot="confirm_summary", slots=before, token=visit["token"]
    )
    assert slots["one_thing"] == "the mood"
    assert slots.get("illness_burden", before["illness_burden"]) == before["illness_burden"]
    assert slots["form_prompt"] == "updated"


def test_a_correction_without_words_asks_that_topic_again(visit: dict[str, Any]) -> None:
    slots, _, _ = run(
        text="change the bit about my tablets",
        intent="correct",
        requested_slot="confirm_summary",
        slots=_complete(visit),
        token=visit["token"],
    )
    assert slots["requested_slot"] == "treatment_burden"
    assert slots["treatment_burden"] is None
    edit = slots["edit_target"]
    slots, _, _ = run(
        text="I forget the evening ones",
        requested_slot="treatment_burden",
        slots={
            **_complete(visit),
            "treatment_burden": None,
            "edit_topic": "treatment_burden",
            "edit_target": edit,
        },
        token=visit["token"],
    )
    assert slots["treatment_burden"].startswith("I forget the evening ones")
    assert "physio is two buses away" in slots["treatment_burden"]
    assert slots["requested_slot"] == "confirm_summary"


def test_a_message_with_another_token_is_refused_and_not_stored(
    visit: dict[str, Any], session: Session
) -> None:
    _, other_token = make_visit(session, patient_ref="MRN-OTHER")
    slots, responses, _ = run(
        text="my answer",
        requested_slot="aim",
        slots=bound(visit, consent=True),
        token=other_token,
    )
    assert responses == ["utter_not_this_conversation"]
    assert "aim" not in slots
    summary = aim_service.get_summary(session=session, visit_id=visit["visit_id"])
    assert summary is not None and summary.aim.statement is None


def test_a_red_flag_inside_the_form_comes_first(visit: dict[str, Any], session: Session) -> None:
    text = "too many pills and honestly i have crushing pain in my chest right now"
    judged = Assessment("emergency", ("chest_pain",), spans=((0, len(text)),))
    slots, responses, dispatcher = run(
        text=text,
        requested_slot="treatment_burden",
        slots=bound(visit, consent=True),
        token=visit["token"],
        safety=judged.to_metadata(),
    )
    assert responses[0] == "utter_safety_emergency"
    assert dispatcher.messages[0]["emergency_number"] == "999"
    assert responses[-1] == "utter_ask_safe_to_continue"
    assert slots["safety_pending"] is True and "treatment_burden" not in slots
    summary = aim_service.get_summary(session=session, visit_id=visit["visit_id"])
    assert summary is not None and summary.red_flags[0].category == "chest_pain"
    slots, responses, _ = run(
        text="yes im ok",
        intent="affirm",
        requested_slot="treatment_burden",
        slots=bound(visit, consent=True, safety_pending=True),
        token=visit["token"],
    )
    assert responses == ["utter_safe_continue"]
    assert slots["safety_pending"] is False and slots["form_prompt"] == "ask"
    slots, responses, _ = run(
        text="no",
        intent="deny",
        requested_slot="treatment_burden",
        slots=bound(visit, consent=True, safety_pending=True),
        token=visit["token"],
    )
    assert responses == ["utter_safety_stop"]
    assert slots["requested_slot"] is None and slots["safety_stop"] is True


def test_read_back_buttons_confirm_and_edit(visit: dict[str, Any]) -> None:
    slots, _, _ = run(
        text="/affirm",
        intent="affirm",
        requested_slot="confirm_summary",
        slots=_complete(visit),
        token=visit["token"],
    )
    assert slots["confirm_summary"] is True
    slots, _, _ = run(
        text='/correct{"edit_topic":"assets"}',
        intent="correct",
        requested_slot="confirm_summary",
        slots=_complete(visit),
        token=visit["token"],
        entities=[{"entity": "edit_topic", "value": "assets"}],
    )
    assert slots["requested_slot"] == "assets" and slots["assets"] is None


def _pending(times: int) -> list[dict[str, Any]]:
    """Events of a read-back where "what would you like to change?" was asked `times` times."""
    return [
        {"event": "slot", "name": "correction_pending", "value": True, "timestamp": None}
    ] * times


def test_a_read_back_reply_never_understood_ends_kept_not_in_a_loop(visit: dict[str, Any]) -> None:
    asked = []
    for times in range(3):
        slots, responses, _ = run(
            text="hmm the thingy",
            intent="inform",
            requested_slot="confirm_summary",
            slots={**_complete(visit), "correction_pending": bool(times)},
            token=visit["token"],
            events=_pending(times),
        )
        asked.append(responses[0])
    assert asked == [
        "utter_ask_what_to_change",
        "utter_ask_what_to_change_again",
        "utter_summary_kept",
    ]
    assert slots["confirm_summary"] is True and slots["requested_slot"] is None


def test_the_same_correction_twice_is_an_answer_to_the_question_asked(
    visit: dict[str, Any],
) -> None:
    said = "Sorry, I meant my dad does the school run, not my husband"
    earlier = [{"event": "user", "text": said, "timestamp": None}]
    slots, _, _ = run(
        text=said,
        requested_slot="care_preferences",
        slots={**_complete(visit), "care_preferences": None},
        token=visit["token"],
        events=earlier,
    )
    assert slots["care_preferences"] == said
    assert slots["requested_slot"] != "supports"


def test_what_to_change_offers_a_way_back(visit: dict[str, Any]) -> None:
    _, responses, dispatcher = run(
        text="no",
        intent="deny",
        requested_slot="confirm_summary",
        slots=_complete(visit),
        token=visit["token"],
    )
    assert responses == ["utter_ask_what_to_change"]
    assert dispatcher.messages[0]["buttons"][-1] == {
        "title": "Nothing to change",
        "payload": "/affirm",
    }
    slots, _, _ = run(
        text="/affirm",
        intent="affirm",
        requested_slot="confirm_summary",
        slots={**_complete(visit), "correction_pending": True},
        token=visit["token"],
        events=_pending(1),
    )
    assert slots["confirm_summary"] is True and slots["requested_slot"] is None


def test_a_first_message_that_says_who_is_typing_is_noticed(visit: dict[str, Any]) -> None:
    slots, _, _ = run(
        text="hello, this is Dorothy's son, I'm doing it for her as her eyes are bad",
        intent="greet",
        in_form=False,
        token=visit["token"],
    )
    assert slots["respondent"] == {"type": "proxy", "relationship": "son"}
    assert slots["requested_slot"] == "consent"


def test_a_first_message_typed_for_a_grandparent_records_a_grandchild(
    visit: dict[str, Any],
) -> None:
    slots, _, _ = run(
        text="hiya its for my grandad he cant see the screen",
        intent="greet",
        in_form=False,
        token=visit["token"],
    )
    assert slots["respondent"] == {"type": "proxy", "relationship": "grandchild"}


def test_after_many_changes_another_one_keeps_the_summary(visit: dict[str, Any]) -> None:
    changed = [
        {"event": "slot", "name": "form_prompt", "value": prompt}
        for prompt in ("edit", "updated", "edit", "updated", "edit")
    ]
    slots, responses, _ = run(
        text="mostly, but you've still missed the bit about my letters",
        intent="correct",
        requested_slot="confirm_summary",
        slots=_complete(visit),
        token=visit["token"],
        events=changed,
    )
    assert responses == ["utter_summary_kept"]
    assert slots["confirm_summary"] is True


def test_nearly_one_thing_at_the_read_back_is_not_a_rating(visit: dict[str, Any]) -> None:
    slots, responses, _ = run(
        text="Nearly, one thing",
        requested_slot="confirm_summary",
        slots=_complete(visit),
        token=visit["token"],
    )
    assert "baseline_rating" not in slots
    assert responses == ["utter_ask_what_to_change"]
    assert slots["correction_pending"] is True


def test_a_yes_with_a_remark_at_the_read_back_confirms(visit: dict[str, Any]) -> None:
    slots, _, _ = run(
        text="Yes. Thanks, it's a weight off just getting it written down",
        requested_slot="confirm_summary",
        slots=_complete(visit),
        token=visit["token"],
    )
    assert slots["confirm_summary"] is True


@pytest.mark.parametrize(
    ("said", "pending", "kept"),
    [
        # A fix and a yes in one message, sent again: the fix was made, the yes stands.
        ("The aim should say walk further, not walk faster. Otherwise, yes, fine.", False, False),
        # The same words once more after "what would you like to change?": kept as it is.
        ("my aim should say walk further not walk faster", True, True),
    ],
)
def test_the_same_change_sent_again_at_the_read_back_ends_it(
    visit: dict[str, Any], said: str, pending: bool, kept: bool
) -> None:
    earlier = [{"event": "user", "text": said, "timestamp": None}]
    slots, responses, _ = run(
        text=said,
        requested_slot="confirm_summary",
        slots={**_complete(visit), "correction_pending": pending},
        token=visit["token"],
        events=earlier,
    )
    assert slots["confirm_summary"] is True
    assert slots["requested_slot"] is None
    assert (responses == ["utter_summary_kept"]) is kept


@pytest.mark.parametrize(
    "text",
    [
        "sorry I don't get the question",  # taken for "I don't understand"
        "I have to go to the shops less, that would be it",  # a goodbye's words
        "the pain wipes everything out, so delete the bad days",  # a deletion's words
    ],
)
def test_a_message_sent_again_after_being_taken_for_something_else_is_the_answer(
    visit: dict[str, Any], text: str
) -> None:
    earlier = [{"event": "user", "text": text, "message_id": "m-earlier"}]
    slots, _, _ = run(
        text=text,
        requested_slot="improvement_measure",
        slots=bound(visit, consent=True),
        token=visit["token"],
        events=earlier,
    )
    assert slots.get("improvement_measure") == text


def test_a_short_answer_taken_for_a_question_and_sent_again_is_the_answer(
    visit: dict[str, Any],
) -> None:
    # "My GP" reads like a question about who sees the answers; sent again it is the answer,
    # not a question to answer for ever.
    earlier = [{"event": "user", "text": "my GP signing it", "message_id": "m-earlier"}]
    slots, responses, _ = run(
        text="my GP signing it",
        intent="ask_who_sees",
        requested_slot="one_thing",
        slots=bound(visit, consent=True, aim="the GP to sign the shared care"),
        token=visit["token"],
        events=earlier,
    )
    assert "utter_who_sees" not in responses
    assert slots.get("one_thing") == "my GP signing it"


@pytest.mark.parametrize(
    ("more", "stored"),
    [
        (
            "acne on my back, I'd like to try something stronger",
            "my skin. acne on my back, I'd like to try something stronger",
        ),
        ("dunno", "my skin"),
        ("my skin", "my skin"),
    ],
)
def test_a_few_words_about_what_they_want_get_one_gentle_probe(
    visit: dict[str, Any], session: Session, more: str, stored: str
) -> None:
    slots, responses, _ = run(
        text="my skin", requested_slot="aim", slots=bound(visit, consent=True), token=visit["token"]
    )
    assert responses == ["utter_probe_aim"]
    assert slots["aim"] == "my skin" and slots["probed"] == "aim"
    assert slots.get("requested_slot", "aim") == "aim" and slots["form_prompt"] == "silent"
    summary = aim_service.get_summary(session=session, visit_id=visit["visit_id"])
    assert summary is not None and summary.aim.statement == "my skin"  # kept at once

    slots, responses, _ = run(
        text=more,
        requested_slot="aim",
        slots=bound(visit, consent=True, aim="my skin", probed="aim"),
        token=visit["token"],
    )
    assert slots["aim"] == stored and slots["probed"] is None
    assert slots["requested_slot"] == "what_matters"


def test_a_full_answer_or_another_topic_is_not_probed(visit: dict[str, Any]) -> None:
    slots, responses, _ = run(
        text="sort out my knee so I can walk the dog",
        requested_slot="aim",
        slots=bound(visit, consent=True),
        token=visit["token"],
    )
    assert "utter_probe_aim" not in responses and slots["requested_slot"] == "what_matters"
    slots, responses, _ = run(
        text="my grandkids",
        requested_slot="what_matters",
        slots=bound(visit, consent=True, aim="my knee"),
        token=visit["token"],
    )
    assert responses == [] and slots["requested_slot"] == "illness_burden"


@pytest.mark.parametrize(
    ("text", "topic", "probe"),
    [
        ("Just feel rubbish really", "aim", "utter_probe_aim"),
        ("i dont really know. i just dont feel right", "aim", "utter_probe_aim"),
        ("It's a bit of a personal matter. A man's problem.", "aim", "utter_probe_aim"),
        ("Family", "what_matters", "utter_probe_what_matters"),
    ],
)
def test_an_answer_that_says_nothing_in_particular_gets_the_probe(
    visit: dict[str, Any], text: str, topic: str, probe: str
) -> None:
    slots, responses, _ = run(
        text=text,
        requested_slot=topic,
        slots=bound(visit, consent=True, aim="my mood"),
        token=visit["token"],
    )
    assert responses == [probe]
    assert slots[topic] == text and slots["probed"] == topic


@pytest.mark.parametrize(
    ("text", "topic", "asked_again"),
    [
        ("Not really", "concerns", True),
        ("no", "concerns", False),
        ("It's fine I suppose", "treatment_burden", True),
        ("not really", "treatment_burden", True),
        ("none", "treatment_burden", False),
    ],
)
def test_a_hedged_nothing_is_asked_once_more_and_a_plain_no_is_taken(
    visit: dict[str, Any], text: str, topic: str, asked_again: bool
) -> None:
    slots, _, _ = run(
        text=text,
        requested_slot=topic,
        slots=bound(visit, consent=True, aim="my mood"),
        token=visit["token"],
    )
    assert (slots["form_prompt"] == "rephrase") is asked_again
    assert (topic not in slots) is asked_again


@pytest.mark.parametrize("topic", ["what_matters", "assets"])
def test_nothing_mattering_or_helping_is_asked_once_more_gently(
    visit: dict[str, Any], topic: str
) -> None:
    slots, _, _ = run(
        text="nothing really",
        requested_slot=topic,
        slots=bound(visit, consent=True, aim="my mood"),
        token=visit["token"],
    )
    assert topic not in slots and slots["form_prompt"] == "rephrase"
    slots, responses, _ = run(
        text="not much",
        requested_slot=topic,
        slots=bound(visit, consent=True, aim="my mood", misunderstood=slots["misunderstood"]),
        token=visit["token"],
    )
    if topic == "what_matters":
        assert slots[topic] == SKIPPED and responses == ["utter_skip_ack"]
    else:
        assert slots[topic] == "not much"  # what helps: "nothing" is itself the answer


BEFORE_THE_MEASURE = {
    topic: text
    for topic, text in EXAMPLE_ANSWERS.items()
    if topic not in ("improvement_measure", "improvement_detail")
}


def test_not_knowing_how_they_would_know_goes_to_the_concrete_question(
    visit: dict[str, Any],
) -> None:
    slots, responses, _ = run(
        text="not sure",
        intent="dont_know",
        requested_slot="improvement_measure",
        slots=bound(visit, consent=True, **BEFORE_THE_MEASURE),
        token=visit["token"],
    )
    assert responses == []
    assert slots["improvement_measure"] == SKIPPED
    assert slots["skip_reasons"] == {"improvement_measure": "unclear"}
    assert slots["requested_slot"] == "improvement_detail"


@pytest.mark.parametrize(
    ("slot", "text"),
    [
        ("baseline_rating", "what does 10 mean?"),
        ("improvement_measure", "how would anyone know that?"),
    ],
)
def test_a_question_about_the_question_is_not_the_answer(
    visit: dict[str, Any], slot: str, text: str
) -> None:
    slots, _, _ = run(
        text=text,
        requested_slot=slot,
        slots=bound(visit, consent=True),
        token=visit["token"],
    )
    assert slots.get(slot) is None
    assert slots["form_prompt"] == "rephrase"
