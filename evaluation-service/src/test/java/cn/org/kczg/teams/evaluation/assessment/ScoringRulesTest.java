package cn.org.kczg.teams.evaluation.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.org.kczg.teams.evaluation.indicator.GradeBands;
import cn.org.kczg.teams.evaluation.metric.Metric;
import cn.org.kczg.teams.evaluation.metric.MetricCatalogue;
import cn.org.kczg.teams.testkit.PostgresServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scoring rules one by one — LINEAR and BANDED scores, not applicable rates, weighted dimensions and base,
 * penalties, the fee-violation veto and the grade bands — evaluated by PostgreSQL exactly as {@link ScoringRules}
 * writes them into the run's statement. Plain JUnit and JDBC: no Quarkus, no schema, no run.
 */
class ScoringRulesTest {
    private static Connection db;

    @BeforeAll
    static void connect() throws SQLException {
        PostgresServer.Connection server = PostgresServer.start();
        db = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        try (Statement s = db.createStatement()) {
            // an indicator's bands in no particular order, and another indicator's band that must not count
            s.execute("create temp table bands (code text, min_value numeric(14,2), score numeric(6,2))");
            s.execute("insert into bands values ('C2', 10, 60), ('C2', 0.5, 20), ('C2', 3, 40), ('X9', 1, 100)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    // ---- LINEAR

    @Test
    void linearIsAHundredTimesValueOverTargetRoundedToTwoPlaces() {
        assertScore("70", linear("7", "10"));
        assertScore("0", linear("0", "10"));
        assertScore("100", linear("10", "10"));
        assertScore("33.33", linear("1", "3"));
        assertScore("66.67", linear("2", "3"));
        assertScore("0.01", linear("0.005", "50"));
    }

    @Test
    void linearStaysWithinZeroAndAHundred() {
        assertScore("100", linear("15", "10"));
        assertScore("100", linear("1000000", "0.5"));
        assertScore("0", linear("-3", "10"));
    }

    // ---- BANDED

    @Test
    void bandedIsTheScoreOfTheHighestBandTheValueReaches() {
        assertScore("20", banded("0.5"));
        assertScore("20", banded("2.99"));
        assertScore("40", banded("3"));
        assertScore("40", banded("9.99"));
        assertScore("60", banded("10"));
        assertScore("60", banded("1000"));
        // X9's band at 1 (score 100) is another indicator's
        assertScore("20", banded("1"));
    }

    @Test
    void bandedIsZeroBelowTheFirstBand() {
        assertScore("0", banded("0.49"));
        assertScore("0", banded("0"));
    }

    // ---- not applicable

    @Test
    void aValueMissingForARateIsNotApplicableAndForACountIsZero() {
        for (Metric rate : MetricCatalogue.rates()) {
            assertNull(query(ScoringRules.indicatorValue("cast(null as numeric)", "'" + rate.code() + "'")),
                    rate.code() + " had nothing to count");
        }
        assertScore("0", query(ScoringRules.indicatorValue("cast(null as numeric)", "'" + MetricCatalogue.ACTIVITIES + "'")));
        assertScore("0.75", query(ScoringRules.indicatorValue("cast(0.75 as numeric)", "'uploads.on-time-rate'")));
        assertScore("7", query(ScoringRules.indicatorValue("cast(7 as numeric)", "'" + MetricCatalogue.ACTIVITIES + "'")));
    }

    @Test
    void aNotApplicableIndicatorHasNoScoreWhateverItsScoring() {
        assertNull(linear(null, "10"));
        assertNull(banded(null));
    }

    // ---- dimensions and base

    @Test
    void theBaseIsTheMeanOfTheScoresWeightedByTheirWeights() {
        assertScore("70", weighted("(100, 40, true), (50, 60, true)"));
        assertScore("33.33", weighted("(100, 1, true), (0, 2, true)"));
        assertScore("66.67", weighted("(100, 2, true), (0, 1, true)"));
    }

    @Test
    void theWeightsOfTheApplicableIndicatorsAreRescaledToAHundred() {
        assertScore("80", weighted("(80, 30, true), (null, 70, false)"));
        assertScore("75", weighted("(100, 10, true), (50, 10, true), (null, 80, false)"));
    }

    @Test
    void withNoApplicableIndicatorThereIsNoScore() {
        assertNull(weighted("(null, 30, false), (null, 70, false)"));
    }

    @Test
    void aDimensionWeighsOnlyItsOwnIndicators() {
        Object content = query(ScoringRules.weightedScore("score", "weight", "applicable and dimension = 'CONTENT'")
                + " from (values (cast(100 as numeric), cast(40 as numeric), true, 'CONTENT'), (50, 20, true, 'CONTENT'),"
                + " (0, 40, true, 'EFFECT')) x(score, weight, applicable, dimension)");
        assertScore("83.33", content);
    }

    // ---- penalties

    @Test
    void thePenaltyIsThePointsForEachUpheldComplaintOrFeeViolation() {
        assertScore("25", query(ScoringRules.penalty("points", "amount")
                + " from (values (cast(5 as numeric), cast(1 as numeric)), (10, 2)) x(points, amount)"));
        assertScore("0", query(ScoringRules.penalty("points", "amount")
                + " from (values (cast(5 as numeric), cast(0 as numeric))) x(points, amount)"));
    }

    @Test
    void theTotalIsTheBaseLessThePenaltyAndNeverBelowZero() {
        assertScore("45", query(ScoringRules.total("cast(70 as numeric)", "cast(25 as numeric)")));
        assertScore("70", query(ScoringRules.total("cast(70 as numeric)", "cast(0 as numeric)")));
        assertScore("0", query(ScoringRules.total("cast(20 as numeric)", "cast(25 as numeric)")));
    }

    // ---- veto and grade

    @Test
    void asManyUpheldFeeViolationsAsTheVetoVetoAndFewerDoNot() {
        assertEquals(true, query(ScoringRules.vetoed("2", "2")));
        assertEquals(true, query(ScoringRules.vetoed("3", "2")));
        assertEquals(false, query(ScoringRules.vetoed("1", "2")));
        assertEquals(false, query(ScoringRules.vetoed("0", "1")));
    }

    @Test
    void aVetoedTeamIsPoorWhateverItsTotal() {
        assertEquals("POOR", grade("100", 2, 2));
        assertEquals("POOR", grade("90", 5, 2));
        assertEquals("EXCELLENT", grade("90", 1, 2));
    }

    @Test
    void theGradeIsTheBestWhoseLowestTotalIsReached() {
        assertEquals("EXCELLENT", grade("100", 0, 2));
        assertEquals("EXCELLENT", grade("90", 0, 2));
        assertEquals("GOOD", grade("89.99", 0, 2));
        assertEquals("GOOD", grade("75", 0, 2));
        assertEquals("PASS", grade("74.99", 0, 2));
        assertEquals("PASS", grade("60", 0, 2));
        assertEquals("POOR", grade("59.99", 0, 2));
        assertEquals("POOR", grade("0", 0, 2));
    }

    @Test
    void theGradeFollowsTheSystemsOwnBands() {
        GradeBands strict = new GradeBands(new BigDecimal("95"), new BigDecimal("85"), new BigDecimal("70"));
        assertEquals("GOOD", grade("94", 0, 2, strict));
        assertEquals("POOR", grade("65", 0, 2, strict));
    }

    // ---- helpers

    private static Object linear(String value, String target) {
        return query(ScoringRules.indicatorScore("'LINEAR'", number(value), number(target),
                ScoringRules.bandReached("bands", "b.code = 'C2'", number(value))));
    }

    private static Object banded(String value) {
        return query(ScoringRules.indicatorScore("'BANDED'", number(value), number(null),
                ScoringRules.bandReached("bands", "b.code = 'C2'", number(value))));
    }

    /** {@code rows}: (score, weight, applicable) tuples. */
    private static Object weighted(String rows) {
        String typed = Arrays.stream(rows.split("\\),\\s*\\(")).map(r -> r.replaceAll("[()]", "").split(",\\s*"))
                .map(r -> "(" + number("null".equals(r[0]) ? null : r[0]) + ", " + number(r[1]) + ", " + r[2] + ")")
                .collect(Collectors.joining(", "));
        return query(ScoringRules.weightedScore("score", "weight", "applicable")
                + " from (values " + typed + ") x(score, weight, applicable)");
    }

    private static String grade(String total, int feeViolations, int veto) {
        return grade(total, feeViolations, veto, GradeBands.DEFAULT);
    }

    private static String grade(String total, int feeViolations, int veto, GradeBands bands) {
        return (String) query(ScoringRules.grade(String.valueOf(feeViolations), String.valueOf(veto), number(total),
                number(bands.excellent().toPlainString()), number(bands.good().toPlainString()),
                number(bands.pass().toPlainString())));
    }

    private static String number(String value) {
        return "cast(" + (value == null ? "null" : value) + " as numeric)";
    }

    private static Object query(String expression) {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select " + expression)) {
            r.next();
            return r.getObject(1);
        } catch (SQLException e) {
            throw new IllegalStateException("select " + expression, e);
        }
    }

    private static void assertScore(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), "expected " + expected + ", was " + actual);
    }
}
