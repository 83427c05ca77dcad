"""Whatever is typed or pasted in the notes comes back as typed (control characters aside)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kitcop_desktop.storage import interviews

TYPED = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\t<&>«»œ🌱"),
    max_size=300,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TYPED)
def test_notes_round_trip(store, workshop_id, text):
    with store.write() as s:
        iv = interviews.create_interview(s, workshop_id)
        interviews.save_free_notes(s, iv.id, text)
        interview_id = iv.id
    with store.read() as s:
        assert interviews.get(s, interview_id).free_notes == text.strip()
