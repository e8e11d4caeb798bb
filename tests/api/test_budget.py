"""The time budget: work over it is stopped; work within it returns, and no stop lands afterwards."""
import threading

import pytest

from service.api.budget import OverBudget, within


def spin():
    while True:
        pass


def test_work_over_the_budget_is_stopped():
    with pytest.raises(OverBudget):
        within(0.05, spin)


def test_work_within_the_budget_returns_and_nothing_lands_later():
    assert within(0.05, lambda: 42) == 42
    threading.Event().wait(0.2)  # past the budget: a stop left pending would be raised here
    total = sum(range(1_000_000))
    assert total == 499999500000


def test_each_thread_has_its_own_budget():
    results = {}

    def run(name, work):
        try:
            results[name] = within(0.2, work)
        except OverBudget:
            results[name] = "stopped"

    threads = [threading.Thread(target=run, args=("slow", spin)), threading.Thread(target=run, args=("fast", lambda: 1))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert results == {"slow": "stopped", "fast": 1}
