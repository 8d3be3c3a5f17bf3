from django.core.management.base import BaseCommand

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Build the demo portal (江门政务之窗). Safe to run again: existing pages are left as they are."

    def handle(self, *args, **options):
        loader = DemoLoader(log=self.stdout.write)
        admin = loader.load()
        if loader.created:
            self.stdout.write(self.style.SUCCESS(f"演示门户：新建 {len(loader.created)} 个页面。"))
        else:
            self.stdout.write("演示门户已存在：没有任何改动。")
        self.stdout.write(f"后台 /admin/ 登录：用户名 {admin['username']}  密码 {admin['password']}")
