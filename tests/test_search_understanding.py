"""Reading a citizen's query before searching: intents, districts, typos, pinyin and synonyms (no database)."""

from django.test import SimpleTestCase

from wagtail.search.query import And, Or, PlainText

from search.query import AnalysedQuery
from search.understanding import read
from search.vocabulary import Vocabulary

GROUPS = [
    ["机动车驾驶证", "驾照", "驾驶证"],
    ["最低生活保障", "低保"],
    ["户口迁移", "上户口", "落户"],
    ["出生登记", "新生儿上户口"],
    ["结婚登记", "marriage", "领证"],
]
TERMS = ["结婚登记", "内地居民结婚登记", "结婚", "登记", "居民身份证换领", "身份证", "离婚"]


class UnderstandingTests(SimpleTestCase):
    vocabulary = Vocabulary(GROUPS, TERMS)

    def understood(self, text):
        return AnalysedQuery.understood(text, self.vocabulary)

    def test_question_words_are_an_intent_not_search_words(self):
        for text, intent in [
            ("结婚登记要带什么", "materials"),
            ("結婚登記要帶什麼材料", "materials"),
            ("结婚登记在哪里办", "where"),
            ("身份证多少钱", "fee"),
            ("离婚登记要多久", "time"),
            ("离婚手续", "steps"),
            ("怎么办理结婚登记", "steps"),
            ("结婚登记需要什么条件", "conditions"),
            ("结婚登记可以网上办吗", "online"),
        ]:
            query = self.understood(text)
            self.assertEqual(query.intent, intent, text)
            self.assertNotIn("带", query.words)
            self.assertNotIn("哪里", query.words)
            self.assertTrue({"结婚", "离婚", "身份证"} & set(query.words), text)

    def test_english_question_words_are_whole_words(self):
        self.assertEqual(self.understood("marriage fee").intent, "fee")
        self.assertEqual(self.understood("coffee").intent, "")
        self.assertEqual(self.understood("coffee").words, ("coffee",))

    def test_a_query_of_question_words_only_is_searched_as_typed(self):
        query = self.understood("材料")
        self.assertEqual(query.words, ("材料",))

    def test_a_district_named_with_an_intent_chooses_offices_and_is_not_searched(self):
        query = self.understood("台山结婚登记在哪里")
        self.assertEqual((query.intent, query.district), ("where", "taishan"))
        self.assertNotIn("台山", query.words)
        self.assertIn("台山", self.understood("台山").words)  # without an intent the place is the matter

    def test_homophone_typos_are_corrected_to_known_terms(self):
        self.assertEqual(self.understood("结昏登记").corrected, "结婚登记")
        self.assertEqual(self.understood("结昏").corrected, "结婚")
        self.assertEqual(self.understood("结昏登记要带什么").intent, "materials")
        self.assertEqual(self.understood("结婚登记").corrected, "")  # known words stay as typed
        self.assertEqual(self.understood("公式").corrected, "")  # a dictionary word is not a typo

    def test_pinyin_and_initials_are_read_as_the_term(self):
        self.assertEqual(self.understood("jiehun").corrected, "结婚")
        self.assertEqual(self.understood("jiehun dengji").corrected, "结婚登记")
        self.assertEqual(self.understood("JHDJ").corrected, "结婚登记")
        self.assertEqual(self.understood("jiazhao").corrected, "机动车驾驶证")  # a variant reads as its term
        self.assertEqual(self.understood("pension").corrected, "")  # English stays English
        self.assertEqual(self.understood("jh").corrected, "")  # two initials name too many terms

    def test_a_synonym_is_searched_as_any_word_of_its_group(self):
        query = self.understood("驾照")
        self.assertEqual(query.plain, ())
        self.assertEqual(len(query.groups), 1)
        self.assertIn(("驾照",), query.groups[0])
        self.assertIn("驾驶证", query.words)  # every word of the group is marked in the extracts
        every = query.engine_queries()[0]
        self.assertIsInstance(every, Or)

    def test_the_longest_synonym_wins(self):
        query = self.understood("新生儿上户口")
        self.assertEqual(len(query.groups), 1)
        self.assertIn(("出生", "登记"), query.groups[0])

    def test_synonym_groups_and_plain_words_must_all_be_held(self):
        query = self.understood("低保 标准")
        every = query.engine_queries()[0]
        self.assertIsInstance(every, And)
        self.assertEqual(query.plain, ("标准",))
        self.assertEqual(query.title_share("最低生活保障标准"), 1)
        self.assertEqual(query.title_share("低保"), 0.5)

    def test_english_synonyms_match_whole_words(self):
        self.assertEqual(len(self.understood("marriage").groups), 1)
        self.assertEqual(self.understood("marriages").groups, ())

    def test_without_a_vocabulary_a_query_is_read_as_before(self):
        query = AnalysedQuery.understood("结婚登记", Vocabulary())
        self.assertEqual(query, AnalysedQuery.of("结婚登记"))
        self.assertIsInstance(query.engine_queries()[0], PlainText)

    def test_reading_is_plain_data(self):
        reading = read("驾照考试多少钱", self.vocabulary)
        self.assertEqual((reading.intent, reading.remainder), ("fee", "考试"))
