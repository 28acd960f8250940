"""The upload queue: progress in bytes, ETA, cancel one or all, retry failed only, CSV report."""
from __future__ import annotations

import asyncio
import csv
import io

from lms365_desktop.core.upload_queue import UploadQueue, UploadSkipped, UploadStatus


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def make_files(tmp_path, count, size=1000):
    paths = []
    for n in range(count):
        path = tmp_path / f"f{n}.pdf"
        path.write_bytes(b"x" * size)
        paths.append(path)
    return paths


async def test_sends_all_with_progress_and_eta(tmp_path):
    clock = FakeClock()
    queue = UploadQueue(concurrency=2, clock=clock)
    seen: list[tuple[int, int]] = []
    gate = asyncio.Event()

    async def send(item, progress):
        progress(400)
        seen.append((item.id, item.sent_bytes))
        await gate.wait()
        progress(item.size)
        return f"ok-{item.id}"

    for path in make_files(tmp_path, 3):
        queue.add(path, f"learner {path.stem}", send)
    runner = asyncio.ensure_future(queue.run())
    while len(seen) < 2:
        await asyncio.sleep(0)
    clock.now += 2.0  # 800 bytes in 2 s -> 400 B/s
    totals = queue.totals()
    assert (totals.active, totals.queued, totals.bytes_sent, totals.bytes_total) == (2, 1, 800, 3000)
    assert totals.eta_seconds == (3000 - 800) / 400
    assert queue.items[0].eta_seconds(clock.now) == 600 / 200
    gate.set()
    totals = await runner
    assert totals.done == 3 and totals.bytes_sent == 3000
    assert [i.result for i in queue.items] == ["ok-1", "ok-2", "ok-3"]


async def test_failures_retry_only_the_failed(tmp_path):
    queue = UploadQueue(concurrency=3)
    calls: dict[int, int] = {}

    async def send(item, progress):
        calls[item.id] = calls.get(item.id, 0) + 1
        if item.id % 2 == 0 and calls[item.id] == 1:
            raise RuntimeError("Service unavailable")
        return "ok"

    for path in make_files(tmp_path, 5):
        queue.add(path, path.stem, send)
    totals = await queue.run()
    assert (totals.done, totals.failed) == (3, 2)
    assert {i.id for i in queue.items if i.status is UploadStatus.FAILED} == {2, 4}
    assert queue.items[1].message == "Service unavailable"
    assert [i.id for i in queue.retry_failed()] == [2, 4]
    totals = await queue.run()
    assert totals.done == 5 and totals.failed == 0
    assert calls == {1: 1, 2: 2, 3: 1, 4: 2, 5: 1}


async def test_cancel_one_running_and_all(tmp_path):
    queue = UploadQueue(concurrency=1)
    started = asyncio.Event()

    async def send(item, progress):
        started.set()
        await asyncio.Event().wait()  # never finishes by itself

    items = [queue.add(p, p.stem, send) for p in make_files(tmp_path, 3)]
    runner = asyncio.ensure_future(queue.run())
    await started.wait()
    queue.cancel(items[1].id)  # queued: simply not sent
    queue.cancel(items[0].id)  # running: stopped
    started.clear()
    await started.wait()  # the third one starts
    queue.cancel_all()
    totals = await runner
    assert [i.status for i in items] == [UploadStatus.CANCELLED] * 3
    assert totals.cancelled == 3 and items[1].attempts == 0


async def test_skip_and_report_csv(tmp_path):
    queue = UploadQueue()

    async def send(item, progress):
        if item.id == 1:
            raise UploadSkipped("Learner already has a certificate file.")
        return "cert-9"

    for path in make_files(tmp_path, 2, size=10):
        queue.add(path, path.stem, send)
    await queue.run()
    rows = list(csv.DictReader(io.StringIO(queue.report_csv())))
    assert [(r["target"], r["status"], r["result"], r["message"]) for r in rows] == [
        ("f0", "skipped", "", "Learner already has a certificate file."),
        ("f1", "done", "cert-9", ""),
    ]
    report = tmp_path / "report.csv"
    queue.save_report(report)
    assert report.read_text(encoding="utf-8").splitlines()[0] == ",".join(UploadQueue.REPORT_COLUMNS)
