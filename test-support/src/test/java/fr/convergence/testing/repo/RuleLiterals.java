package fr.convergence.testing.repo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the programme's numbers written into code instead of read from {@code programme-rules.yml}. A bare number is
 * everywhere (a loop to 12, a page of 20), so a value counts only where it acts as the rule it equals:
 * <ul>
 *   <li>date arithmetic in the rule's unit — {@code plusMonths(24)}, {@code plusYears(5)} for 60 months,
 *   {@code minusDays(30)} on a line about the rule's subject;</li>
 *   <li>a comparison with it on a line about the rule's unit or subject — {@code months > 60},
 *   {@code weeklyHours <= 35};</li>
 *   <li>a variable or constant set to it whose name says the unit — {@code cvgHours = 20 + …},
 *   {@code LONG_PATHWAY_MONTHS = 24} — and any month count fixed in an upper-case constant, whatever its value
 *   ({@code MAX_TRAJECTORY_MONTHS = 36}): in this domain a number of months is a programme length;</li>
 *   <li>the follow-up contact months as a sequence ({@code {1, 3, 6, 12}});</li>
 *   <li>text that quotes it — "plus de 24 mois", "within 12 months", "4 to 20 h" (not the small follow-up contact
 *   months alone: "CDD de 6 mois" is a contract's length, no rule).</li>
 * </ul>
 * Comments are not read: they may explain a rule; code and the text users read may not restate it.
 */
final class RuleLiterals {

    /** What a rule measures, and the words that mark a line as being about it. */
    enum Unit { MONTHS, DAYS, HOURS }

    /** One rule of the file: its key, value, unit and the subject a line must name to be about it. */
    record Rule(String key, int value, Unit unit, Pattern subject) {
    }

    /** A number of a rule found in code: where, which rule (or "month count"), how it is used, the line. */
    record Leak(String file, int line, String rule, String context, String code) {
        @Override
        public String toString() {
            return file + ":" + line + " " + rule + " (" + context + "): " + code;
        }
    }

    private static final Pattern MONTHS_WORD = Pattern.compile("(?i)month");
    private static final Pattern HOURS_WORD = Pattern.compile("(?i)hours");
    private static final Pattern OTHER_UNIT_IN_NAME = Pattern.compile("(?i)days|weeks|hours|years");
    private static final Pattern NOT_HOURS_IN_NAME = Pattern.compile("(?i)days|weeks|months|years");
    private static final Pattern MONTH_CONSTANT = Pattern.compile("\\b([A-Z0-9_]*MONTHS?[A-Z0-9_]*)\\s*=\\s*(\\d+)\\b(?![.\\w])");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private final List<Rule> rules;
    private final List<Integer> contactMonths;

    RuleLiterals(List<Rule> rules, List<Integer> contactMonths) {
        this.rules = List.copyOf(rules);
        this.contactMonths = List.copyOf(contactMonths);
    }

    /** Every use of a rule's number in one Java source file. */
    List<Leak> scan(String file, String java) {
        List<Leak> leaks = new ArrayList<>();
        String[] code = codeOnly(java).split("\n", -1);
        String[] raw = java.split("\n", -1);
        for (int i = 0; i < code.length; i++) {
            Map<String, String> found = new LinkedHashMap<>();
            inCode(code[i], found);
            inText(i < raw.length ? raw[i] : "", code[i], found);
            for (Map.Entry<String, String> f : found.entrySet()) {
                String[] ruleAndContext = f.getKey().split("\\|", 2);
                leaks.add(new Leak(file, i + 1, ruleAndContext[0], ruleAndContext[1], raw[i].trim()));
            }
        }
        return leaks;
    }

    private void inCode(String line, Map<String, String> found) {
        for (Rule rule : rules) {
            String v = Integer.toString(rule.value());
            boolean aboutIt = rule.subject().matcher(line).find();
            String unit = switch (rule.unit()) {
                case MONTHS -> "Months";
                case DAYS -> "Days";
                case HOURS -> null;
            };
            if (unit != null && (rule.unit() == Unit.MONTHS || aboutIt)) {
                find(line, "(?:plus|minus|of)" + unit + "\\(\\s*" + v + "\\s*\\)", rule, "date arithmetic", found);
            }
            if (rule.unit() == Unit.MONTHS && rule.value() % 12 == 0) {
                find(line, "(?:plus|minus|of)Years\\(\\s*" + rule.value() / 12 + "\\s*\\)", rule, "date arithmetic", found);
            }
            if (aboutIt) {
                String number = "(?<![\\w.])" + v + "(?:\\.0)?(?![\\w.])";
                find(line, "(?:[<>]=?|[=!]=)\\s*" + number + "|" + number + "\\s*(?:[<>]=?|[=!]=)", rule, "comparison", found);
                Matcher init = Pattern.compile("(\\w+)\\s*=\\s*" + number).matcher(line);
                while (init.find()) {
                    String name = init.group(1);
                    Pattern otherUnit = switch (rule.unit()) {
                        case MONTHS -> OTHER_UNIT_IN_NAME;
                        case HOURS -> NOT_HOURS_IN_NAME;
                        case DAYS -> null;
                    };
                    boolean named = rule.subject().matcher(name).find()
                            && (otherUnit == null || !otherUnit.matcher(name).find());
                    if (named) {
                        found.putIfAbsent(rule.key() + "|set to it", init.group());
                    }
                }
            }
        }
        Matcher constant = MONTH_CONSTANT.matcher(line);
        while (constant.find()) {
            if (!OTHER_UNIT_IN_NAME.matcher(constant.group(1)).find()) {
                found.putIfAbsent("month count|constant", constant.group());
            }
        }
        String sequence = contactMonths.stream().map(String::valueOf).collect(Collectors.joining("\\s*,\\s*"));
        find(line, "(?<![\\w.])" + sequence + "(?![\\w.])", "follow-up-contact-months", "sequence", found);
    }

    private void inText(String raw, String code, Map<String, String> found) {
        if (raw.isBlank() || code.isBlank()) {
            return;   // a comment line
        }
        Matcher s = STRING.matcher(raw);
        while (s.find()) {
            String text = s.group(1);
            for (Rule rule : rules) {
                String v = Integer.toString(rule.value());
                String quoted = switch (rule.unit()) {
                    case MONTHS -> "(?<![\\d,.])" + v + " (?:mois|months?)\\b";
                    case HOURS -> "(?<![\\d,.])" + v + " ?(?:h|heures|hours)\\b|(?<![\\d,.])" + v + " (?:to|à) \\d+ ?(?:h|heures|hours)\\b";
                    case DAYS -> rule.subject().matcher(text).find() ? "(?<![\\d,.])" + v + " (?:jours|days)\\b" : null;
                };
                if (quoted != null) {
                    find(text, quoted, rule, "text", found);
                }
            }
        }
    }

    private static void find(String line, String regex, Rule rule, String context, Map<String, String> found) {
        find(line, regex, rule.key(), context, found);
    }

    private static void find(String line, String regex, String rule, String context, Map<String, String> found) {
        Matcher m = Pattern.compile(regex).matcher(line);
        if (m.find()) {
            found.putIfAbsent(rule + "|" + context, m.group());
        }
    }

    /** The source with comments removed and string and char literals emptied, line breaks kept. */
    static String codeOnly(String java) {
        StringBuilder out = new StringBuilder(java.length());
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                while (i < n && java.charAt(i) != '\n') {
                    i++;
                }
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                java.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append("\"\"");
                java.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && java.charAt(j) != c && java.charAt(j) != '\n') {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = Math.min(j + 1, n);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The rule-like words of each unit, for a rule whose subject is its unit. */
    static Pattern unitWord(Unit unit) {
        return unit == Unit.HOURS ? HOURS_WORD : MONTHS_WORD;
    }
}
