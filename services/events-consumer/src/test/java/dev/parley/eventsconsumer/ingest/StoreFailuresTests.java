package dev.parley.eventsconsumer.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static dev.parley.eventsconsumer.ingest.StoreFailures.Blame.EVENTS;
import static dev.parley.eventsconsumer.ingest.StoreFailures.Blame.STORE;
import static org.assertj.core.api.Assertions.assertThat;

class StoreFailuresTests {

    private static RuntimeException sql(String state) {
        return new UncategorizedSQLException("insert", "INSERT ...", new SQLException("failed", state));
    }

    @Test
    void dataAndConstraintErrorsBlameTheEvents() {
        assertThat(StoreFailures.blame(sql("22007"))).isEqualTo(EVENTS);
        assertThat(StoreFailures.blame(sql("23514"))).isEqualTo(EVENTS);
        assertThat(StoreFailures.blame(new DataIntegrityViolationException("bad"))).isEqualTo(EVENTS);
        assertThat(StoreFailures.blame(new NullPointerException("a bug on one payload"))).isEqualTo(EVENTS);
    }

    @Test
    void connectionResourceLockAndSchemaErrorsBlameTheStore() {
        assertThat(StoreFailures.blame(sql("08006"))).isEqualTo(STORE);
        assertThat(StoreFailures.blame(sql("57P01"))).isEqualTo(STORE);
        assertThat(StoreFailures.blame(sql("40P01"))).isEqualTo(STORE);
        assertThat(StoreFailures.blame(sql("53300"))).isEqualTo(STORE);
        assertThat(StoreFailures.blame(sql("42P01"))).isEqualTo(STORE);
        assertThat(StoreFailures.blame(new CannotCreateTransactionException("no connection",
                new CannotGetJdbcConnectionException("pool", new SQLTransientConnectionException("timeout")))))
                .isEqualTo(STORE);
    }
}
