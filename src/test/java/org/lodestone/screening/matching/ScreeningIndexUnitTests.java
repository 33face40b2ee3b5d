package org.lodestone.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The candidate index over a list of hand-written entries hidden among 20,000 generated decoys that share their
 * common words, legal forms and family names, so a finding cannot come from there being nothing else to find.
 */
class ScreeningIndexUnitTests {

    static final NameMatcher MATCHER = Matching.standardMatcher();
    static ScreeningIndex index;

    @BeforeAll
    static void build() {
        ScreeningIndex.Builder b = Matching.indexBuilder(MATCHER);
        for (ListedEntry e : decoys(20_000)) {
            b.add(e);
        }
        b.add(entry("polpot", "Person", List.of("Pol Pot"), Set.of("KH"), List.of()));
        b.add(entry("xi", "Person", List.of("习近平"), Set.of("CN"), List.of()));
        b.add(entry(
                "ganfeng",
                "Company",
                List.of("江西赣锋锂业集团股份有限公司"),
                Set.of("CN"),
                List.of(new EntryIdentifier("unifiedSocialCreditCode", "91360500 7055 0787 1Y"))));
        b.add(entry(
                "voltrex",
                "Company",
                List.of("Voltrex Rare Earth Magnetics GmbH", "Voltrex Magnet Trading Ltd"),
                Set.of("DE"),
                List.of()));
        b.add(entry("karlsson", "Person", List.of("Henrik Magnus Karlsson"), Set.of("SE"), List.of()));
        b.add(entry("zhang", "Person", List.of("Zhang Xiaoming"), Set.of("CN"), List.of()));
        index = b.build();
    }

    @Test
    void findsAnExactName() {
        assertThat(top("Voltrex Rare Earth Magnetics GmbH")).isEqualTo("voltrex");
    }

    @Test
    void findsANameWithATypo() {
        assertThat(top("Voltrax Rare Earth Magnetics GmbH")).isEqualTo("voltrex");
        assertThat(top("Henrik Magnus Karlson")).isEqualTo("karlsson");
    }

    @Test
    void findsReorderedAndDroppedTokens() {
        assertThat(top("Karlsson Henrik Magnus")).isEqualTo("karlsson");
        assertThat(top("Henrik Karlsson")).isEqualTo("karlsson");
    }

    @Test
    void findsANameWrittenWithoutASpace() {
        assertThat(top("PolPot")).isEqualTo("polpot");
        assertThat(top("Pol  Pot")).isEqualTo("polpot");
    }

    @Test
    void findsHanziFromPinyinAndPinyinFromHanzi() {
        assertThat(top("Xi Jinping")).isEqualTo("xi");
        assertThat(top("张晓明")).isEqualTo("zhang");
    }

    @Test
    void findsTheChineseLegalNameFromItsTranslation() {
        assertThat(index.search(NameQuery.of("Jiangxi Ganfeng Lithium Group Co., Ltd."), 10))
                .extracting(h -> h.entry().entryId())
                .contains("ganfeng");
    }

    @Test
    void anIdenticalIdentifierFindsTheEntryWhateverTheName() {
        NameQuery q = new NameQuery(
                "Some Other Name Ltd", null, List.of(new EntryIdentifier("", "913605007055078 71Y")), "Company");
        assertThat(index.search(q, 5)).extracting(h -> h.entry().entryId()).contains("ganfeng");
    }

    @Test
    void doesNotMatchAOneCharacterHanziChange() {
        assertThat(index.search(NameQuery.of("习近朋"), 10))
                .filteredOn(MatchHit::match)
                .extracting(h -> h.entry().entryId())
                .doesNotContain("xi");
    }

    @Test
    void honoursTheLimitAndOrdersBestFirst() {
        List<MatchHit> hits = index.search(NameQuery.of("Magnetics Trading GmbH"), 3);
        assertThat(hits).hasSizeLessThanOrEqualTo(3);
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
        assertThat(index.search(NameQuery.of("Voltrex"), 0)).isEmpty();
    }

    @Test
    void anEmptyQueryFindsNothing() {
        assertThat(index.search(NameQuery.of(""), 10)).isEmpty();
        assertThat(index.search(NameQuery.of("  ,. "), 10)).isEmpty();
    }

    @Test
    void aVeryLongQueryCompletes() {
        StringBuilder b = new StringBuilder();
        SplittableRandom r = new SplittableRandom(7);
        while (b.length() < 10_000) {
            b.append(FAMILY[r.nextInt(FAMILY.length)]).append(r.nextBoolean() ? " " : "-");
        }
        assertThat(index.search(NameQuery.of(b.toString()), 10)).hasSizeLessThanOrEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(TokenIndex.TypoChannel.class)
    void everyTypoChannelFindsExactNamesAndOnlyTheTypoChannelsFindTypos(TokenIndex.TypoChannel channel) {
        TokenIndex.Builder b = TokenIndex.builder(MATCHER, TokenIndex.Options.DEFAULT.withTypoChannel(channel));
        decoys(2_000).forEach(b::add);
        b.add(entry("karlsson", "Person", List.of("Henrik Magnus Karlsson"), Set.of("SE"), List.of()));
        TokenIndex small = b.build();
        assertThat(ids(small.candidates(NameQuery.of("Karlsson")))).contains("karlsson");
        boolean typoFound = ids(small.candidates(NameQuery.of("Karlssen"))).contains("karlsson");
        assertThat(typoFound).isEqualTo(channel != TokenIndex.TypoChannel.NONE);
    }

    @Test
    void chineseReadingsAreNeverReachedThroughTypos() {
        TokenIndex.Builder b = TokenIndex.builder(
                MATCHER, TokenIndex.Options.DEFAULT.withTypoChannel(TokenIndex.TypoChannel.DELETIONS_AND_TRIGRAMS));
        b.add(entry("han", "Company", List.of("赣锋"), Set.of("CN"), List.of()));
        b.add(entry("latin", "Company", List.of("Ganfeng"), Set.of("CN"), List.of()));
        TokenIndex small = b.build();
        // "ganfenq" is one edit from the Latin "ganfeng", and from the reading of 赣锋, which must not count.
        assertThat(ids(small.candidates(NameQuery.of("Ganfenq")))).containsExactly("latin");
    }

    @Test
    void aBgnRomanisationFindsANameListedOnlyInCyrillic() {
        TokenIndex.Builder b = TokenIndex.builder(MATCHER, TokenIndex.Options.DEFAULT);
        decoys(2_000).forEach(b::add);
        b.add(entry("shch", "Company", List.of("ООО «Щегинкос-Трейд»"), Set.of("RU"), List.of()));
        b.add(entry("yuriy", "Person", List.of("Мухышволский Юрий Алексеевич"), Set.of("RU"), List.of()));
        TokenIndex small = b.build();
        assertThat(ids(small.candidates(NameQuery.of("LLC Shcheginkos Treyd")))).contains("shch");
        // With a typo on top of the romanisation (Mukhyshvolskiy without its k).
        assertThat(ids(small.candidates(NameQuery.of("Muhyshvolskiy Yuriy Alekseyevich"))))
                .contains("yuriy");
    }

    @Test
    void romanisedRussianReadsAsTheNormaliserReadsCyrillic() {
        assertThat(TokenIndex.cyrillicReading("shchegorlisov")).isEqualTo("segorlisov");
        assertThat(TokenIndex.cyrillicReading("yuriy")).isEqualTo("urij");
        assertThat(TokenIndex.cyrillicReading("mikhaylovich")).isEqualTo("mihajlovic");
        assertThat(TokenIndex.cyrillicReading("yevgenyevich")).isEqualTo("evgenevic");
        assertThat(TokenIndex.cyrillicReading("artyom")).isEqualTo("artem");
        assertThat(TokenIndex.cyrillicReading("tsev")).isEqualTo("cev");
        assertThat(TokenIndex.cyrillicReading("karlsson")).isEqualTo("karlsson");
    }

    @Test
    void aKnownJoinedKeyIsStillSplitWhenNoEntryHasItAsAToken() {
        TokenIndex.Builder b = TokenIndex.builder(MATCHER, TokenIndex.Options.DEFAULT);
        decoys(2_000).forEach(b::add);
        // 唐佳春 is under the joined key tangjia; Tang Jia is under tang and jia (with the Wade-Giles dang between).
        b.add(entry("tangjiachun", "Person", List.of("唐佳春"), Set.of("CN"), List.of()));
        b.add(entry("tangjia", "Person", List.of("Tang Jia"), Set.of("CN"), List.of()));
        TokenIndex small = b.build();
        assertThat(ids(small.candidates(NameQuery.of("TangJia")))).contains("tangjia", "tangjiachun");
    }

    @Test
    void wadeGilesFindsThePinyinNameThroughItsJoinedAlternatives() {
        TokenIndex.Builder b = TokenIndex.builder(MATCHER, TokenIndex.Options.DEFAULT);
        decoys(2_000).forEach(b::add);
        b.add(entry("ligang", "Person", List.of("Lin Ligang"), Set.of("CN"), List.of()));
        b.add(entry("xiuqiang", "Person", List.of("Wu Xiuqiang"), Set.of("CN"), List.of()));
        TokenIndex small = b.build();
        // kang is read gang, chiang qiang: the pairs and the whole name are also keyed with those readings.
        assertThat(ids(small.candidates(NameQuery.of("Lin Li-kang")))).contains("ligang");
        assertThat(ids(small.candidates(NameQuery.of("Wu Xiu-chiang")))).contains("xiuqiang");
    }

    @Test
    void pastThePostingsBudgetOnlyTheRareKeysAreWalked() {
        TokenIndex.Builder b = TokenIndex.builder(MATCHER, TokenIndex.Options.DEFAULT.withPostingsBudget(10));
        for (int i = 0; i < 50; i++) {
            b.add(entry("c" + i, "Company", List.of("Common Trading Group " + i), Set.of("DE"), List.of()));
        }
        b.add(entry("rare", "Company", List.of("Zanthorix Trading"), Set.of("DE"), List.of()));
        TokenIndex small = b.build();
        // "trading" has 51 postings, over the budget once zanthorix is walked: only the rare entry is a candidate.
        assertThat(ids(small.candidates(NameQuery.of("Zanthorix Trading")))).containsExactly("rare");
        // The first key is always walked, however common.
        assertThat(ids(small.candidates(NameQuery.of("Trading")))).hasSize(51);
    }

    private static List<String> ids(List<ListedEntry> entries) {
        return entries.stream().map(ListedEntry::entryId).toList();
    }

    private static String top(String name) {
        List<MatchHit> hits = index.search(NameQuery.of(name), 5);
        assertThat(hits).as("hits for %s", name).isNotEmpty();
        assertThat(hits.getFirst().match())
                .as("top hit for %s is a match: %s", name, hits)
                .isTrue();
        return hits.getFirst().entry().entryId();
    }

    static final String[] GIVEN = {"Henrik", "Magnus", "Anna", "Lars", "Pol", "Maria", "Jan", "Erik", "Sven", "Olga"};
    static final String[] FAMILY = {
        "Karlberg", "Lindqvist", "Nyberg", "Pottinger", "Holmgren", "Sandberg", "Ekstrom", "Larsson", "Karlstad"
    };
    static final String[] WORDS = {"Rare", "Earth", "Magnetics", "Trading", "Group", "Metals", "Voltas", "Trexon"};
    static final String[] LEGAL = {"GmbH", "Ltd", "LLC", "AG", "S.A."};
    static final String[] HAN = {"张", "王", "李", "习", "近", "明", "华", "锋", "赣", "江", "西"};

    /** Decoys sharing the test entries' words, deterministic. */
    static List<ListedEntry> decoys(int n) {
        SplittableRandom r = new SplittableRandom(42);
        List<ListedEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = switch (i % 3) {
                case 0 -> pick(r, GIVEN) + " " + pick(r, FAMILY) + i;
                case 1 -> pick(r, WORDS) + " " + pick(r, WORDS) + " " + pick(r, WORDS) + i + " " + pick(r, LEGAL);
                default -> pick(r, HAN) + pick(r, HAN) + pick(r, HAN) + pick(r, HAN) + "有限公司";
            };
            out.add(entry("d" + i, i % 3 == 0 ? "Person" : "Company", List.of(name), Set.of("DE"), List.of()));
        }
        return out;
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    static ListedEntry entry(
            String id, String schema, List<String> names, Set<String> countries, List<EntryIdentifier> ids) {
        return new ListedEntry("test", id, schema, names, countries, ids);
    }
}
