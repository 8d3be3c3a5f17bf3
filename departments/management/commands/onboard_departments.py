from .onboard_department import Command as OnboardDepartment


class Command(OnboardDepartment):
    help = "Onboard every department listed in a CSV file: the same as `onboard_department --csv FILE`."

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="a CSV file of departments (columns: code,name[,slug,hostname,…])")

    def handle(self, *args, csv_file, **options):
        return super().handle(code=None, name=None, slug="", hostname="", csv_file=csv_file, **options)
