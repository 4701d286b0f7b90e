package dev.cloudjar.services.eventbridge.pattern;

/** Parses IP address literals without DNS (InetAddress.getByName would resolve names). */
final class IpAddresses {
    private IpAddresses() {
    }

    static byte[] parseOrNull(String text) {
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        String[] h = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] t = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        if ((gap < 0 && h.length != 8) || h.length + t.length > (gap < 0 ? 8 : 7)) {
            return null;
        }
        byte[] out = new byte[16];
        if (!groups(h, out, 0) || !groups(t, out, 16 - 2 * t.length)) {
            return null;
        }
        return out;
    }

    private static boolean groups(String[] groups, byte[] out, int offset) {
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty() || g.length() > 4) {
                return false;
            }
            int v;
            try {
                v = Integer.parseInt(g, 16);
            } catch (NumberFormatException e) {
                return false;
            }
            out[offset + 2 * i] = (byte) (v >> 8);
            out[offset + 2 * i + 1] = (byte) v;
        }
        return true;
    }
}
