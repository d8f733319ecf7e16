package org.tablesolver.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiKey insert(String id, String name, byte[] secretHash, List<Scope> scopes, List<String> restaurants) {
        return jdbc.sql("""
                        insert into api_key (id, name, secret_hash, scopes, restaurants)
                        values (:id, :name, :hash, :scopes, :restaurants)
                        returning id, name, scopes, restaurants, created_at
                        """)
                .param("id", id).param("name", name).param("hash", secretHash)
                .param("scopes", scopes.stream().map(Scope::label).toArray(String[]::new))
                .param("restaurants", restaurants == null ? null : restaurants.toArray(String[]::new))
                .query(ApiKeyRepository::key)
                .single();
    }

    List<ApiKey> list() {
        return jdbc.sql("select id, name, scopes, restaurants, created_at from api_key order by created_at, id")
                .query(ApiKeyRepository::key)
                .list();
    }

    Optional<ApiKey> findBySecretHash(byte[] secretHash) {
        return jdbc.sql("select id, name, scopes, restaurants, created_at from api_key where secret_hash = :hash")
                .param("hash", secretHash)
                .query(ApiKeyRepository::key)
                .optional();
    }

    boolean delete(String id) {
        int rows = jdbc.sql("delete from api_key where id = :id").param("id", id).update();
        if (rows > 1) {
            throw new IllegalStateException("deleted " + rows + " keys with id " + id);
        }
        return rows == 1;
    }

    private static ApiKey key(ResultSet rs, int row) throws SQLException {
        List<Scope> scopes = Arrays.stream(strings(rs.getArray("scopes"))).map(Scope::of).toList();
        Array restaurants = rs.getArray("restaurants");
        return new ApiKey(rs.getString("id"), rs.getString("name"), scopes,
                restaurants == null ? null : List.of(strings(restaurants)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
