from disclosure.generator import generate
from portal.bulk import GenerateCommand


class Command(GenerateCommand):
    help = "Add COUNT published disclosure entries across every department's catalog, for benchmarks and scale tests."
    noun = "条公开信息"
    generate = staticmethod(generate)
