package org.lodestone.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameMatcherUnitTests {

    private static final NameMatcher MATCHER = Matching.standardMatcher();
    private final double t = MATCHER.threshold();

    private static ListedEntry entry(String schema, Set<String> countries, List<EntryIdentifier> ids, String... names) {
        return new ListedEntry("test", "e1", schema, List.of(names), countries, ids);
    }

    @Test
    void aSecondMisspeltWordNeverRaisesTheScore() {
        // the query has one typo; an entry that also differs in another word must score lower than the one that
        // differs only where the query is misspelt (the model is monotone in its spelling distances)
        String[][] cases = {
            {"Jaqal Sami al-Dosari", "Jamal Sami al-Dosari", "Jamal Rami al-Dosari"},
            {"Adndrew Dorov", "Andrew Dorov", "Andrew Norov"},
            {"Michale Hendersen", "Michael Hendersen", "Michael Henderson"},
            {
                "Shenzhen Xinlong Magnetic Matreials",
                "Shenzhen Xinlong Magnetic Materials",
                "Shenzhen Xinlang Magnetic Materials"
            },
        };
        for (String[] c : cases) {
            String schema = c[0].startsWith("Shenzhen") ? "Company" : "Person";
            assertThat(MATCHER.score(c[0], c[1], schema))
                    .as("%s: %s over %s", c[0], c[1], c[2])
                    .isGreaterThan(MATCHER.score(c[0], c[2], schema));
        }
    }

    @Test
    void anAliasWithAnInitialDoesNotOutrankTheFullNameWithOneTypo() {
        assertThat(MATCHER.score("Jshua Branwood", "Joshua Branwood", "Person"))
                .isGreaterThan(MATCHER.score("Jshua Branwood", "J. Branwood", "Person"));
        assertThat(MATCHER.score("Jesdsica Amanda Eles", "Jessica Amanda Eles", "Person"))
                .isGreaterThan(MATCHER.score("Jesdsica Amanda Eles", "A. Eles", "Person"));
        assertThat(MATCHER.score("N. Nazarbayev", "Nursultan Nazarbayev", "Person"))
                .as("an initial still meets its name")
                .isGreaterThanOrEqualTo(t);
    }

    @Test
    void hanziAreNeverFuzzy() {
        assertThat(MATCHER.score("习近朋", "习近平", "Person")).isLessThan(t);
        assertThat(MATCHER.score("習近平", "习近平", "Person")).isGreaterThanOrEqualTo(t);
    }

    @Test
    void chinesePersonNamesInCharactersMustAgreeCharacterForCharacter() {
        assertThat(MATCHER.score("董娜涛", "董涛娜", "Person"))
                .as("reordered given name")
                .isLessThan(t);
        assertThat(MATCHER.score("董轩国", "董轩", "Person")).as("longer given name").isLessThan(t);
        assertThat(MATCHER.score("董 涛娜", "董濤娜", "Person"))
                .as("space and Traditional form")
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Dong Taona", "董涛娜", "Person"))
                .as("pinyin still bridges")
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("董轩国", "董轩国", "Company"))
                .as("organisations keep the alignment")
                .isGreaterThanOrEqualTo(t);
    }

    @Test
    void pinyinMeetsHanziAndWadeGilesMeetsPinyin() {
        assertThat(MATCHER.score("Xi Jinping", "习近平", "Person")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Jinping Xi", "習近平", "Person")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Hsu Chih-ming", "徐志明", "Person")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Chongqing Zhonggong", "重庆重工", "Company")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Chongqing Heavy Industry", "重庆重工", "Company")).isGreaterThanOrEqualTo(t);
    }

    @Test
    void chineseLegalNameMeetsItsEnglishTranslation() {
        assertThat(MATCHER.score(
                        "Jiangxi Ganfeng Rare Earth Materials Technology Co., Ltd.", "江西赣锋稀土材料科技有限公司", "Company"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Baotou Rare Earth Materials Technology Co., Ltd.", "江西赣锋稀土材料科技有限公司", "Company"))
                .isLessThan(t);
    }

    @Test
    void fatherAndSonSwappedAroundBinAreAnotherPerson() {
        assertThat(MATCHER.score("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI", "Person"))
                .isLessThan(t);
        assertThat(MATCHER.score("Muhammad bin Salman", "Mohammed bin Salman", "Person"))
                .isGreaterThanOrEqualTo(t);
        // a word both son and father (X bin Y bin Z) is no swap
        assertThat(features("Noureddine Ben Ali Ben Belkassem", "Noureddine Ben Ali Ben Belkassem Drissi", "Person"))
                .containsEntry("patronymReversed", 0.0);
    }

    @Test
    void aSlavicPatronymicLeftOutIsNoMissingWord() {
        assertThat(features("Sergejs Lavrovs", "Sergey Viktorovich LAVROV", "Person"))
                .containsEntry("unmatchedPatronymics", 1.0);
        assertThat(features("Sergey Viktorovich Lavrov", "Sergey Ivanovich Lavrov", "Person"))
                .as("both name a father: they differ")
                .containsEntry("unmatchedPatronymics", 0.0);
        assertThat(MATCHER.score("Sergejs Lavrovs", "Sergey Viktorovich LAVROV", "Person"))
                .isGreaterThanOrEqualTo(t);
    }

    @Test
    void initialsGenericWordsAndAGivenNameAloneAreWeakEvidence() {
        assertThat(features("N.N.", "Nursultan Nazarbayev", "Person")).containsEntry("personInitialsOnly", 1.0);
        // an initial that agrees is one uncertain letter of the full name, not eight wrong ones
        assertThat(features("N. Nazarbayev", "Nursultan Nazarbayev", "Person"))
                .containsEntry("mostEditsInAWord", 1.0)
                .containsEntry("initialsUsed", 1.0);
        assertThat(features("Management Company", "Westminister Management Company", "Company"))
                .containsEntry("genericShortName", 1.0);
        assertThat(features("WALIJAN", "WALIJAN ABDUL GHAFOOR HAQQANI", "Person"))
                .containsEntry("personGivenNameOnly", 1.0);
        assertThat(features("Erdogan", "Recep Tayyip Erdogan", "Person")).containsEntry("personGivenNameOnly", 0.0);
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> features(String query, String listed, String schema) {
        Comparison c = MATCHER.compare(
                new NameQuery(query, null, List.of(), schema), entry(schema, Set.of(), List.of(), listed));
        return (java.util.Map<String, Object>) c.features().get("nameFeatures");
    }

    @Test
    void legalFormChangeAndWordOrderStillMatch() {
        assertThat(MATCHER.score("Acme Magnetics GmbH", "ACME MAGNETICS LIMITED", "Company"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Putin Vladimir", "Vladimir Putin", "Person")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Vladimir Putin", "Vladimir Vladimirovich Putin", "Person"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Angela Merkel", "Vladimir Putin", "Person")).isLessThan(0.3);
    }

    @Test
    void hanziHomophonesAreDifferentNames() {
        // 石 and 市 are both "shi": between two Chinese names the characters decide, pinyin only bridges to Latin.
        assertThat(MATCHER.score("高石早苗", "高市早苗", "Person")).isLessThan(t);
        assertThat(MATCHER.score("高市早苗", "高市早苗", "Person")).isGreaterThanOrEqualTo(t);
    }

    @Test
    void hangulSyllablesCompareExactly() {
        assertThat(MATCHER.score("김종은", "김정은", "Person")).isLessThan(t);
        assertThat(MATCHER.score("김정은", "김정은", "Person")).isGreaterThanOrEqualTo(t);
    }

    @Test
    void numberWordsOrdinalsAndRomanNumeralsAreNumbers() {
        assertThat(MATCHER.score("1st International Bank", "First International Bank", "Company"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Brigade Forty-Four", "Brigade 44", "Organization"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("3 Percenters", "Three Percenters", "Organization"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Fund II Holdings", "Fund 2 Holdings", "Company"))
                .isGreaterThanOrEqualTo(t);
    }

    @Test
    void companiesWhoseArabicNumbersShareNoneAreDifferentButSeriesAndVesselsAreNot() {
        assertThat(MATCHER.score("Belmortor Energy No. 849 JSC", "Belmortor Energy No. 24 JSC", "Company"))
                .isLessThan(t);
        assertThat(MATCHER.score("Belmortor Energy No. 24 JSC", "Belmortor Energy No. 24 JSC", "Company"))
                .isGreaterThanOrEqualTo(t);
        // a series beside a shared number, Roman-numbered funds and vessels keep the labelled pairs' verdict
        assertThat(MATCHER.score(
                        "Goldman Sachs Mortgage Loan Trust 2004-1",
                        "Goldman Sachs Mortgage Loan Trust 2004-2",
                        "Company"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score(
                        "Wells Fargo Mortgage Backed Securities Trust 2005-AR16",
                        "Wells Fargo Mortgage Backed Securities Trust 2006-AR16",
                        "Company"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Bain Capital Fund X L.P.", "Bain Capital Fund XI L.P.", "Company"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Snow Storm 1", "Snow Storm 2", "Vessel")).isGreaterThanOrEqualTo(t);
    }

    @Test
    void acronymsAbbreviationsAndNicknames() {
        assertThat(MATCHER.score("PLA", "People's Liberation Army", "Organization"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("U.S. Department of State", "United States Department of State", "Organization"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("C.B.A. Company", "A.B.C. Company", "Company")).isLessThan(t);
        assertThat(MATCHER.score("First Bank Int’l", "First International Bank", "Company"))
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Ted Doe", "Theodore Doe", "Person")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Bill Gates", "William Gates", "Person")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Bill Gates", "Robert Gates", "Person")).isLessThan(t);
    }

    @Test
    void khmerAndArabicMeetLatinOnConsonants() {
        assertThat(MATCHER.score("ប៉ុល ពត", "Pol Pot", "Person")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("فرناندو بيريز", "Fernando Pérez", "Person")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("ប៉ុល ពត", "Hun Sen", "Person")).isLessThan(t);
    }

    @Test
    void foreignNameInHanziMeetsItsLatinSpellingOnConsonants() {
        assertThat(MATCHER.score("贝拉克·奥巴马", "Barack Obama", "Person")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("贝拉克·奥巴马", "Vladimir Putin", "Person")).isLessThan(t);
    }

    @Test
    void romanisationVariantsThatSoundAlike() {
        assertThat(MATCHER.score("Saddam Husayn", "Saddam Hussein", "Person")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("John Doe", "Juan Doe", "Person")).isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.score("Saddam Husayn", "Saddam Haftar", "Person")).isLessThan(t);
    }

    @Test
    void wadeGilesHyphenatedSyllablesMeetPinyin() {
        assertThat(MATCHER.score("Mao Tse-tung", "Mao Zedong", "Person")).isGreaterThanOrEqualTo(t);
    }

    @Test
    void theModelExplainsEachContribution() {
        Comparison c = MATCHER.compare(NameQuery.of("Vladimir Putin"), entry("Person", Set.of(), List.of(), "Putin"));
        assertThat(c.features()).containsKeys("nameFeatures", "nameModel");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> nameFeatures =
                (java.util.Map<String, Object>) c.features().get("nameFeatures");
        assertThat(nameFeatures).containsEntry("unmatchedLongSideWords", 1.0);
    }

    @Test
    void identicalRegistrationNumberIsDecisive() {
        var id = new EntryIdentifier("registrationNumber", "91360700-MA35");
        Comparison c = MATCHER.compare(
                new NameQuery(
                        "Totally Other Name",
                        null,
                        List.of(new EntryIdentifier("registrationNumber", "91360700MA35")),
                        "Company"),
                entry("Company", Set.of("CN"), List.of(id), "江西赣锋稀土材料科技有限公司"));
        assertThat(c.score()).isEqualTo(1.0);
        assertThat(c.features()).containsEntry("identifierMatch", "same");
    }

    @Test
    void differentCountryLowersAndFeaturesExplain() {
        ListedEntry e = entry("Company", Set.of("CN"), List.of(), "Ganfeng Lithium Co., Ltd.", "赣锋锂业");
        Comparison same = MATCHER.compare(new NameQuery("Ganfeng Lithium", "CN", List.of(), "Company"), e);
        Comparison other = MATCHER.compare(new NameQuery("Ganfeng Lithium", "DE", List.of(), "Company"), e);
        assertThat(other.score()).isLessThan(same.score());
        assertThat(other.features()).containsEntry("countryAgreement", "different");
        assertThat(same.features())
                .containsKeys(
                        "nameSimilarity",
                        "matchedTokens",
                        "unmatchedQueryTokens",
                        "unmatchedEntryTokens",
                        "legalFormDiffers",
                        "reading",
                        "identifierMatch",
                        "schemaCompatible");
    }

    @Test
    void preparedComparisonEqualsDirectOne() {
        ListedEntry e = entry("Person", Set.of(), List.of(), "Ротенберг Аркадий", "Arkady Rotenberg");
        NameQuery q = NameQuery.of("Arkadiy Rotenberg");
        assertThat(MATCHER.compare(MATCHER.prepare(q), MATCHER.prepare(e)).score())
                .isEqualTo(MATCHER.compare(q, e).score())
                .isGreaterThanOrEqualTo(t);
        assertThat(MATCHER.prepare(e).tokens()).extracting(tok -> tok.text()).contains("rotenberg", "arkadij");
    }

    @Test
    void badInputScoresZeroAndStaysFast() {
        assertThat(MATCHER.score("", "Vladimir Putin", "Person")).isZero();
        assertThat(MATCHER.score("!!!", "???", null)).isZero();
        String huge = "Vladimir Putin Ivan Petrov ".repeat(400);
        long start = System.nanoTime();
        double s = MATCHER.score(huge, huge, "Person");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
        assertThat(s).isBetween(0.0, 1.0);
        assertThat(MATCHER.score("A\uD800B 習\uDC00 Ω", "ab xi", null)).isBetween(0.0, 1.0);
    }
}
