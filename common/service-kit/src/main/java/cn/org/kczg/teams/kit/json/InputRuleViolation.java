package cn.org.kczg.teams.kit.json;

import cn.org.kczg.teams.kit.problem.Text;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A value that reads as its type but breaks an {@link InputRules} rule; Jackson adds the field's path. */
public class InputRuleViolation extends JsonMappingException {
    private final transient Text rule;

    InputRuleViolation(JsonParser parser, Text rule) {
        super(parser, rule.toString());
        this.rule = rule;
    }

    /** Why the value was refused, e.g. "must not contain control characters (U+0000)". */
    public Text rule() {
        return rule;
    }
}
