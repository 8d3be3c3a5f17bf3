from django.core.management.base import BaseCommand

from demo.loader import DemoLoader

ROLES = {"admin": "超级管理员", "editor": "部门编辑", "reviewer": "部门审核", "central_reviewer": "门户审核"}


class Command(BaseCommand):
    help = "Build the demo portal (江门政务之窗). Safe to run again: existing pages are left as they are."

    def handle(self, *args, **options):
        loader = DemoLoader(log=self.stdout.write)
        accounts = loader.load()
        if loader.created:
            self.stdout.write(self.style.SUCCESS(f"演示门户：新建 {len(loader.created)} 个页面。"))
        else:
            self.stdout.write("演示门户已存在：没有任何改动。")
        self.stdout.write("后台 /admin/ 登录账号：")
        for account in accounts:
            role = ROLES[account.get("role", "admin")]
            self.stdout.write(f"  {role:<12} 用户名 {account['username']:<16} 密码 {account['password']}")
