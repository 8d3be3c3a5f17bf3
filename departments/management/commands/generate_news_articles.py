from departments.generator import generate
from portal.bulk import GenerateCommand


class Command(GenerateCommand):
    help = "Add COUNT live news articles across the departments' 部门动态 columns, for benchmarks and scale tests."
    noun = "篇新闻"
    generate = staticmethod(generate)
