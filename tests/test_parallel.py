"""The worker pool: results in order, state built once per worker, few items in flight."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from dashboard.parallel import map_ordered


def load_state(offset: int) -> tuple[int, int]:
    """Build a worker's state: an offset and the process that built it."""
    return offset, os.getpid()


def add_offset(state: tuple[int, int], item: int) -> tuple[int, int, int]:
    """Add the worker's offset to an item; say which process did and which built the state."""
    return item + state[0], os.getpid(), state[1]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_in_the_order_of_the_items(workers):
    found = list(map_ordered(add_offset, range(40), workers=workers,
                             state=lambda: load_state(100), load=load_state, args=(100,)))
    assert [value for value, _, _ in found] == list(range(100, 140))
    # Each process used the state it built itself, once.
    assert all(worker == builder for _, worker, builder in found)


def test_two_workers_run_in_other_processes():
    found = list(map_ordered(add_offset, range(8), workers=2, state=lambda: load_state(0),
                             load=load_state, args=(0,)))
    assert os.getpid() not in {worker for _, worker, _ in found}


def test_only_a_window_of_items_is_taken_ahead():
    taken: list[int] = []

    def items() -> Iterator[int]:
        for number in range(1000):
            taken.append(number)
            yield number

    results = map_ordered(add_offset, items(), workers=2, state=lambda: load_state(0),
                          load=load_state, args=(0,), window=5)
    assert next(results)[0] == 0
    assert len(taken) <= 5
    results.close()
