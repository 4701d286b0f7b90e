package dev.cloudjar.services.s3;

/**
 * S3's bucket naming rules: 3-63 characters of lower-case letters, digits, dots and hyphens, starting
 * and ending with a letter or digit, no "..", not an IP address, no reserved prefix or suffix.
 */
final class BucketNameRules {
    private BucketNameRules() {
    }

    static void validate(String name) {
        if (!valid(name)) {
            throw S3Errors.invalidBucketName(name);
        }
    }

    static boolean valid(String name) {
        if (name == null || name.length() < 3 || name.length() > 63) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        if (!alnum(name.charAt(0)) || !alnum(name.charAt(name.length() - 1))) {
            return false;
        }
        if (name.contains("..") || name.contains(".-") || name.contains("-.")) {
            return false;
        }
        if (name.startsWith("xn--") || name.startsWith("sthree-") || name.endsWith("-s3alias") || name.endsWith("--ol-s3")) {
            return false;
        }
        return !looksLikeIp(name);
    }

    private static boolean alnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean looksLikeIp(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }
}
