import time

from django.core.management.base import BaseCommand, CommandError

from departments.generator import generate


class Command(BaseCommand):
    help = "Add COUNT live news articles across the departments' 部门动态 columns, for benchmarks and scale tests."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=12345)

    def handle(self, *args, count, seed, **options):
        started = time.perf_counter()
        try:
            made = generate(count, seed=seed)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"新建 {made} 篇新闻，用时 {time.perf_counter() - started:.1f} 秒（搜索索引请运行 update_index）。"
        )
