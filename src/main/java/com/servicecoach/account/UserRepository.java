package com.servicecoach.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface UserRepository extends CrudRepository<User, Long> {

    Optional<User> findByUsername(String username);

    Optional<User> findByEmployeeNo(String employeeNo);

    List<User> findAllOrderByUsername();

    List<User> findByRoleOrderByUsername(Role role);

    boolean existsByUsername(String username);

    /**
     * Counts one password check against the account, atomically: answers 1 when the check may go ahead,
     * 0 when the account is locked. The check that reaches {@code max} in a row locks the account until
     * {@code lockUntil} (and starts the next count from 0), so however many requests arrive at once, at
     * most {@code max} passwords are checked in a lock window. (locked_until is set first: MySQL applies
     * assignments left to right, so both see failed_sign_ins as it was.)
     */
    @Query("""
            UPDATE app_user
               SET locked_until = CASE WHEN failed_sign_ins + 1 >= :max THEN :lockUntil ELSE NULL END,
                   failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= :max THEN 0 ELSE failed_sign_ins + 1 END
             WHERE id = :id AND (locked_until IS NULL OR locked_until <= :now)""")
    int reservePasswordCheck(long id, int max, LocalDateTime now, LocalDateTime lockUntil);

    /** A successful sign-in clears the count and any lock. */
    @Query("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = :id")
    int clearFailures(long id);
}
