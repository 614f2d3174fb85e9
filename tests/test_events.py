import json

import pytest

from core.jobs.events import (
    EVENT_TYPES,
    EventFormatError,
    EventReader,
    Failed,
    Metric,
    Progress,
    Started,
    append_event,
    parse_event,
)
from core.jobs.rundir import state_from_events
from core.jobs.states import IllegalTransition, JobState


def test_every_event_type_round_trips_through_its_line():
    samples = [Started(stage="import", pid=1), Progress(done=3, total=10, unit="tensors", message="m"),
               Metric(name="loss", value=1.5, step=2), Failed(error="x", kind="crash", signal=9)]
    for event in samples:
        assert parse_event(event.to_line()) == event
    assert set(EVENT_TYPES) == {"started", "progress", "metric", "log", "artifact", "finished", "failed",
                                "cancelled"}


def test_reader_returns_only_complete_lines_and_resumes_from_its_offset(tmp_path):
    path = tmp_path / "events.jsonl"
    reader = EventReader(path)
    assert reader.read_new() == []  # no file yet
    append_event(path, Progress(done=1))
    line = Progress(done=2).to_line()
    with open(path, "a") as fh:
        fh.write(line[:10])  # a writer caught mid-line
    assert [e.done for e in reader.read_new()] == [1]
    assert reader.read_new() == []
    with open(path, "a") as fh:
        fh.write(line[10:])
    assert [e.done for e in reader.read_new()] == [2]
    assert reader.offset == path.stat().st_size


def test_reader_handles_non_ascii_split_across_reads(tmp_path):
    path = tmp_path / "events.jsonl"
    data = Progress(done=1, message="токенизатор обучен").to_line().encode()
    path.write_bytes(data[:25])  # cuts a Cyrillic character in half
    reader = EventReader(path)
    assert reader.read_new() == []
    path.write_bytes(data)
    assert reader.read_new()[0].message == "токенизатор обучен"


@pytest.mark.parametrize("line", ["not json", "[1]", json.dumps({"v": 99, "type": "progress", "done": 1}),
                                  json.dumps({"v": 1, "type": "teleport"}),
                                  json.dumps({"v": 1, "type": "metric", "name": "x"})])
def test_bad_lines_are_refused_with_a_reason(line):
    with pytest.raises(EventFormatError):
        parse_event(line)


def test_state_machine_refuses_illegal_moves():
    assert JobState.PENDING.to(JobState.RUNNING) is JobState.RUNNING
    assert JobState.RUNNING.to(JobState.CANCELLING).to(JobState.CANCELLED) is JobState.CANCELLED
    for terminal in (JobState.DONE, JobState.FAILED, JobState.CANCELLED):
        with pytest.raises(IllegalTransition):
            terminal.to(JobState.RUNNING)
    with pytest.raises(IllegalTransition):
        JobState.PENDING.to(JobState.DONE)


def test_state_follows_the_events():
    started = Started(stage="s", pid=1)
    assert state_from_events([]) is JobState.PENDING
    assert state_from_events([started]) is JobState.RUNNING
    assert state_from_events([started], cancel_requested=True) is JobState.CANCELLING
    assert state_from_events([started, Failed(error="x")]) is JobState.FAILED
