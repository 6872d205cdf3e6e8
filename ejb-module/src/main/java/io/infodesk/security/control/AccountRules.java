package io.infodesk.security.control;

import io.infodesk.platform.entity.InvalidInputException;
import java.util.regex.Pattern;

/** Rules for user names and passwords, checked before anything is stored. */
public final class AccountRules {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  public static final int MIN_PASSWORD_LENGTH = 12;

  private AccountRules() {}

  public static void checkUsername(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new InvalidInputException(
          "username must be 2-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter"
              + " or digit");
    }
  }

  public static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length() > 200) {
      throw new InvalidInputException("password must have at most 200 characters");
    }
  }
}
