import time

from django.core.management.base import BaseCommand, CommandError

from disclosure.generator import generate, refresh_statistics
from home import layout_cache


class Command(BaseCommand):
    help = "Add COUNT published disclosure entries across every department's catalog, for benchmarks and scale tests."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=12345)

    def handle(self, *args, count, seed, **options):
        started = time.perf_counter()
        try:
            made = generate(count, seed=seed)
            refresh_statistics()
            layout_cache.forget()  # bulk inserts send no signals: lists of the newest content must be rebuilt
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"新建 {made} 条公开信息，用时 {time.perf_counter() - started:.1f} 秒（搜索索引请运行 update_index）。"
        )
