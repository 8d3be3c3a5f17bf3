"""Chinese text as the index and the query see it: one script, one width, words cut out of sentences."""

from django.test import SimpleTestCase

from portal.text import core_words, fold, query_words, segment
from search.snippets import highlight


class FoldingTests(SimpleTestCase):
    def test_traditional_full_width_and_capitals_fold_to_one_form(self):
        self.assertEqual(fold("結婚登記"), "结婚登记")
        self.assertEqual(fold("臺山市戶籍"), "台山市户籍")
        self.assertEqual(fold("ＪＩＡＮＧＭＥＮ　１２３４５"), "jiangmen 12345")


class SegmentationTests(SimpleTestCase):
    def test_every_word_searches_need_only_the_parts_of_a_compound(self):
        self.assertEqual(core_words(query_words("婚姻登记")), ["婚姻", "登记"])
        self.assertEqual(core_words(query_words("不动产登记")), ["不动", "动产", "登记"])
        self.assertEqual(core_words(query_words("江门 门")), ["江门", "门"])  # containing is not being made of
        self.assertEqual(core_words(query_words("car card")), ["car", "card"])

    def test_words_are_found_inside_sentences_with_their_longer_forms(self):
        words = segment("新人可在台山市婚姻登记处办理结婚登记").split()
        for word in ["台山", "台山市", "结婚", "登记", "结婚登记", "婚姻登记处"]:
            self.assertIn(word, words)

    def test_the_project_dictionary_knows_jiangmen_and_portal_terms(self):
        for term in ["蓬江区", "鹤山市", "侨批", "碉楼", "一网通办", "不动产登记"]:
            self.assertIn(term, segment(f"江门市{term}相关信息").split())

    def test_punctuation_is_never_a_word(self):
        self.assertEqual(segment("，。！？“”《》……"), "")
        self.assertEqual(query_words("!!! ??? ..."), [])

    def test_queries_drop_filler_words_and_spaces_typed_inside_words(self):
        self.assertEqual(query_words("怎么办理结婚登记？"), ["办理", "结婚", "登记", "结婚登记"])
        self.assertEqual(query_words("结 婚 登 记"), ["结婚", "登记", "结婚登记"])
        self.assertEqual(query_words("the marriage registration"), ["marriage", "registration"])


class HighlightTests(SimpleTestCase):
    def test_words_are_marked_in_the_text_as_written(self):
        html = highlight("七夕當天可到婚姻登記處辦理結婚登記。", ["结婚登记", "登记"])
        self.assertEqual(html, "七夕當天可到婚姻<mark>登記</mark>處辦理<mark>結婚登記</mark>。")

    def test_the_extract_starts_near_the_first_match_and_escapes_markup(self):
        html = highlight("办事指南" * 50 + "<b>结婚</b>登记", ["结婚"])
        self.assertTrue(html.startswith("…"))
        self.assertIn("&lt;b&gt;<mark>结婚</mark>&lt;/b&gt;", html)


class ElasticsearchSettingsTests(SimpleTestCase):
    def test_elasticsearch_splits_the_segmented_text_only_on_spaces_and_keeps_the_boosts(self):
        from scenarios.models import ScenarioGuidePage
        from search.elasticsearch import SegmentedElasticsearchBackend

        backend = SegmentedElasticsearchBackend({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "jm_test_"})
        analysis = backend.settings["settings"]["analysis"]
        self.assertEqual(analysis["analyzer"]["default"]["tokenizer"], "whitespace")
        self.assertIn("edgengram_analyzer", analysis["analyzer"])  # Wagtail's autocomplete analyzers stay
        mapping = backend.mapping_class(ScenarioGuidePage).get_mapping()["properties"]
        self.assertEqual(mapping["title"]["type"], "text")
        self.assertIn("_all_text_boost_5_0", mapping["title"]["copy_to"])  # title weighs 5, summary 2
        self.assertIn("_all_text_boost_2_0", mapping["scenarios_scenarioguidepage__summary"]["copy_to"])
        self.assertNotIn("analyzer", mapping["scenarios_scenarioguidepage__step_text"])  # the default: whitespace
