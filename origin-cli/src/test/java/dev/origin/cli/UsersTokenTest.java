package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.server.Access;
import dev.origin.server.Accounts;
import dev.origin.store.Database;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code origin users token}: issue, list and revoke; a revoked token no longer names its user. */
class UsersTokenTest {

    @Test
    void aTokenIssuedListedAndRevokedFromTheCommandLineIsRefusedAfterwards() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Accounts a = UsersCommand.accounts(Database.open(url));
        a.add("alice", "correct horse battery", Access.ANALYST);

        CliTest.Result issued = CliTest.run("users", "token", "alice", "--name", "scripts", "--db", url);
        assertThat(issued.exit()).as(issued.err()).isZero();
        String secret = issued.out().strip();
        assertThat(a.tokenUser(secret)).isNotNull();

        CliTest.Result list = CliTest.run("users", "token", "alice", "--list", "--db", url);
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("\tscripts\t").doesNotContain("revoked").doesNotContain(secret);
        String id = list.out().strip().split("\t")[0];

        CliTest.Result revoked = CliTest.run("users", "token", "alice", "--revoke", id, "--db", url);
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(new Accounts(dataSource(url)).tokenUser(secret)).as("a fresh server's view").isNull();
        assertThat(CliTest.run("users", "token", "alice", "--list", "--db", url).out()).contains("revoked");

        CliTest.Result unknown = CliTest.run("users", "token", "alice", "--revoke", "99999", "--db", url);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("NOT_FOUND").contains("99999");
        CliTest.Result none = CliTest.run("users", "token", "alice", "--db", url);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("BAD_VALUE");
    }

    private static javax.sql.DataSource dataSource(String url) {
        com.zaxxer.hikari.HikariConfig c = new com.zaxxer.hikari.HikariConfig();
        c.setJdbcUrl(url);
        c.setMaximumPoolSize(1);
        return new com.zaxxer.hikari.HikariDataSource(c);
    }
}
