package com.servicecoach.account;

import com.servicecoach.web.ConflictException;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Users: sign-in with lock-out, creation and changes by administrators. */
@Singleton
public class AccountService {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,32}");

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SecuritySettings settings;
    private final Clock clock;
    private final Optional<EmployeeNumbers> employeeNumbers;
    private final Sessions sessions;

    AccountService(UserRepository users, PasswordHasher hasher, SecuritySettings settings, Clock clock,
                   Optional<EmployeeNumbers> employeeNumbers, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
        this.employeeNumbers = employeeNumbers;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Checks a username and password, however they arrive (form, Basic, /api/login). Each check is first
     * counted in the database ({@link UserRepository#reservePasswordCheck}); the 5th failure in a row locks
     * the account; while locked no password is checked, not even the right one; success resets the count.
     * No transaction spans the (slow) password check, so parallel attempts never wait on each other.
     */
    public SignInResult signIn(String username, String password) {
        Optional<User> found = username == null ? Optional.empty() : users.findByUsername(username.trim());
        if (found.isEmpty()) {
            hasher.burnTime(password);
            return new SignInResult(SignInResult.Outcome.BAD_CREDENTIALS, null);
        }
        User user = found.get();
        LocalDateTime now = now();
        if (users.reservePasswordCheck(user.id(), settings.maxFailedSignIns(), now, now.plusMinutes(settings.lockMinutes())) == 0) {
            return new SignInResult(SignInResult.Outcome.LOCKED, user);
        }
        if (!hasher.matches(password, user.passwordHash())) {
            boolean lockedNow = users.findById(user.id()).map(u -> u.isLockedAt(now)).orElse(false);
            return new SignInResult(lockedNow ? SignInResult.Outcome.LOCKED : SignInResult.Outcome.BAD_CREDENTIALS, user);
        }
        users.clearFailures(user.id());
        if (!user.enabled()) {
            return new SignInResult(SignInResult.Outcome.DISABLED, user);
        }
        return new SignInResult(SignInResult.Outcome.OK, users.findById(user.id()).orElse(user));
    }

    public List<User> list() {
        return users.findAllOrderByUsername();
    }

    public User get(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("No user " + username));
    }

    public Optional<User> find(String username) {
        return users.findByUsername(username);
    }

    @Transactional
    public User create(UserForm form) {
        List<FieldError> errors = new ArrayList<>();
        String username = form.username() == null ? "" : form.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.of("username", "validation.username"));
        } else if (users.existsByUsername(username)) {
            errors.add(FieldError.of("username", "validation.username.taken", username));
        }
        checkPassword(form.password(), true, errors);
        Role role = Role.parse(form.role());
        if (role == null) {
            errors.add(FieldError.of("role", "validation.role"));
        }
        String employeeNo = checkEmployeeNo(role, form.employeeNo(), null, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return users.save(new User(null, username, hasher.hash(form.password()), role, true, employeeNo, null, 0, null, now()));
    }

    /** Changes role, enabled state, linked agent and, when given, the password. */
    @Transactional
    public User update(String username, UserChange change) {
        User user = get(username);
        List<FieldError> errors = new ArrayList<>();
        Role role = change.role() == null ? user.role() : Role.parse(change.role());
        if (role == null) {
            errors.add(FieldError.of("role", "validation.role"));
        }
        boolean enabled = change.enabled() == null ? user.enabled() : change.enabled();
        String employeeNo = change.employeeNo() == null && role == Role.AGENT ? user.employeeNo() : change.employeeNo();
        employeeNo = checkEmployeeNo(role, employeeNo, user.username(), errors);
        boolean newPassword = change.password() != null && !change.password().isEmpty();
        if (newPassword) {
            checkPassword(change.password(), true, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        User updated = user.withAccess(role, enabled, employeeNo);
        if (newPassword) {
            updated = updated.withPasswordHash(hasher.hash(change.password()));
        }
        if (newPassword || role != user.role() || enabled != user.enabled()) {
            // a changed password, role or enabled state ends every session and token the user had
            sessions.endAllOf(user.id());
        }
        return users.update(updated);
    }

    @Transactional
    public void setLocale(String username, String tag) {
        users.findByUsername(username).ifPresent(u -> users.update(u.withLocale(tag)));
    }

    /** Used once, on first start with an empty database. */
    @Transactional
    public User createBootstrapAdmin(String password) {
        if (users.existsByUsername("admin")) {
            throw new ConflictException("admin exists");
        }
        return users.save(new User(null, "admin", hasher.hash(password), Role.ADMIN, true, null, null, 0, null, now()));
    }

    public boolean hasAnyUser() {
        return users.count() > 0;
    }

    private static void checkPassword(String password, boolean required, List<FieldError> errors) {
        if (password == null || password.isEmpty()) {
            if (required) {
                errors.add(FieldError.of("password", "validation.password.length", PasswordHasher.MIN_LENGTH));
            }
        } else if (password.length() < PasswordHasher.MIN_LENGTH) {
            errors.add(FieldError.of("password", "validation.password.length", PasswordHasher.MIN_LENGTH));
        } else if (password.length() > 72) {
            errors.add(FieldError.of("password", "validation.password.tooLong"));
        } else {
            PasswordRules.problem(password).ifPresent(key -> errors.add(FieldError.of("password", key)));
        }
    }

    private @Nullable String checkEmployeeNo(@Nullable Role role, @Nullable String employeeNo, @Nullable String self,
                                             List<FieldError> errors) {
        String value = employeeNo == null || employeeNo.isBlank() ? null : employeeNo.trim();
        if (role != Role.AGENT) {
            return null;
        }
        if (value == null) {
            errors.add(FieldError.of("employeeNo", "validation.employeeNo.required"));
            return null;
        }
        if (employeeNumbers.isPresent() && !employeeNumbers.get().exists(value)) {
            errors.add(FieldError.of("employeeNo", "validation.employeeNo.unknown", value));
            return null;
        }
        Optional<User> linked = users.findByEmployeeNo(value);
        if (linked.isPresent() && !linked.get().username().equals(self)) {
            errors.add(FieldError.of("employeeNo", "validation.employeeNo.linked", value, linked.get().username()));
        }
        return value;
    }
}
