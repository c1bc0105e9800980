package cn.org.kczg.teams.review.review;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a review panel scores, 0 to 10 each: the three conditions of Art. 6 (experience, distinctive services, capacity
 * to organise) and the four things Art. 9 prefers among equal applications (work foundation, resources committed,
 * continuity/mechanism/effectiveness, fit with the key fields of 科创中国).
 */
@Schema(name = "ReviewCriterionCode", description = "A criterion a review panel scores: ART6_EXPERIENCE, "
        + "ART6_DISTINCTIVE_SERVICES, ART6_CAPACITY (Art. 6) and ART9_WORK_FOUNDATION, ART9_RESOURCES, "
        + "ART9_CONTINUITY, ART9_KEY_FIELDS (Art. 9, which also give the application's priority once scored).")
public enum ReviewCriterion {
    ART6_EXPERIENCE("第六条", "在本领域具有丰富的科技服务经验"),
    ART6_DISTINCTIVE_SERVICES("第六条", "拥有特色化科技服务"),
    ART6_CAPACITY("第六条", "具备相应的科技服务工作组织实施能力"),
    ART9_WORK_FOUNDATION("第九条", "有工作基础"),
    ART9_RESOURCES("第九条", "有资源投入"),
    ART9_CONTINUITY("第九条", "工作具有持续性、机制性、实效性"),
    ART9_KEY_FIELDS("第九条", "契合“科创中国”建设重点领域要求");

    public static final int MIN = 0;
    public static final int MAX = 10;

    public final String article;
    public final String label;

    ReviewCriterion(String article, String label) {
        this.article = article;
        this.label = label;
    }

    /** The Art. 9 priority parts: their panel mean ranks the queue once the panel has scored. */
    public boolean priority() {
        return article.equals("第九条");
    }

    public static List<ReviewCriterion> priorityParts() {
        return Arrays.stream(values()).filter(ReviewCriterion::priority).toList();
    }

    public static Optional<ReviewCriterion> of(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
