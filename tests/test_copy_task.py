from core.evaluation.copy_task import covers, lcs_length, length_ratio, passages_from


def test_lcs_and_scores_by_hand():
    assert lcs_length("абвгд", "агд") == 3
    assert lcs_length("", "abc") == 0 and lcs_length("abc", "abc") == 3
    assert length_ratio("ab", "abcd") == 0.5 and length_ratio("abcd", "ab") == 0.5
    src = "Москва — столица России." * 5
    assert covers(src, src) and covers(src + " Лишнее.", src)
    assert not covers(src[: len(src) // 2], src)


def test_passages_are_sentence_groups_in_order():
    text = "Первое предложение здесь. Второе тоже есть! Третье? Четвёртое предложение длиннее прочих."
    got = passages_from(text, 5, min_chars=30)
    assert got == ["Первое предложение здесь. Второе тоже есть!", "Третье? Четвёртое предложение длиннее прочих."]
