from django.core.management.base import BaseCommand

from demo.loader import DemoLoader
from jmportal.settings import environment

ROLES = {"admin": "超级管理员", "editor": "部门编辑", "reviewer": "部门审核", "central_reviewer": "门户审核"}


class Command(BaseCommand):
    help = "Build the demo portal (江门政务之窗). Safe to run again: existing pages are left as they are."

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=environment.number("PORT", 8000),
            help="Port the development server listens on (default: $PORT, else 8000); the demo's Sites "
            "(localhost and the departments' own hostnames such as mzj.localhost) are set to it on every run.",
        )

    def handle(self, *args, **options):
        loader = DemoLoader(log=self.stdout.write, port=options["port"])
        accounts = loader.load()
        if loader.created:
            self.stdout.write(self.style.SUCCESS(f"演示门户：新建 {len(loader.created)} 个页面。"))
        else:
            self.stdout.write("演示门户已存在：没有任何改动。")
        self.stdout.write("后台 /admin/ 登录账号：")
        for account in accounts:
            role = ROLES[account.get("role", "admin")]
            self.stdout.write(f"  {role:<12} 用户名 {account['username']:<16} 密码 {account['password']}")
