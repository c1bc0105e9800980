package cn.org.kczg.teams.activity.matching;

import static cn.org.kczg.teams.activity.matching.Divisions.Nearness.ELSEWHERE;
import static cn.org.kczg.teams.activity.matching.Divisions.Nearness.NEAR;
import static cn.org.kczg.teams.activity.matching.Divisions.Nearness.SAME_CITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DivisionsTest {
    private static final Divisions DIVISIONS = Divisions.read(stream("""
            # code	name	parent
            110000	北京市	
            110105	朝阳区	110000
            110108	海淀区	110000
            330000	浙江省	
            330100	杭州市	330000
            330200	宁波市	330000
            330282	慈溪市	330200
            430000	湖南省	
            430100	长沙市	430000
            430300	湘潭市	430000
            430381	湘乡市	430300
            440000	广东省	
            440100	广州市	440000
            440600	佛山市	440000
            """), stream("长株潭\t长沙市,株洲市,湘潭市\n广佛\t广州市,佛山市\n"));

    @Test
    void aCountyIsInItsPrefecture() {
        assertEquals(SAME_CITY, DIVISIONS.nearness("慈溪市", List.of("宁波市")));
        assertEquals(SAME_CITY, DIVISIONS.nearness("浙江省宁波市慈溪市", List.of("宁波")));
    }

    @Test
    void aMunicipalityIsOneCityWithItsDistricts() {
        assertEquals(SAME_CITY, DIVISIONS.nearness("海淀区", List.of("北京市")));
        assertEquals(SAME_CITY, DIVISIONS.nearness("朝阳区", List.of("海淀区")));
    }

    @Test
    void theSameProvinceOrMetroAreaIsNear() {
        assertEquals(NEAR, DIVISIONS.nearness("湘乡市", List.of("长沙市")));
        assertEquals(NEAR, DIVISIONS.nearness("湘潭市", List.of("湖南省")));
        assertEquals(NEAR, DIVISIONS.nearness("佛山", List.of("广州市")));
        assertEquals(ELSEWHERE, DIVISIONS.nearness("慈溪市", List.of("长沙市")));
    }

    @Test
    void anUnknownPlaceComparesByName() {
        assertEquals(SAME_CITY, DIVISIONS.nearness("苏州工业园区", List.of("苏州市")));
        assertEquals(ELSEWHERE, DIVISIONS.nearness("拉萨", List.of("苏州市")));
    }

    @Test
    void aLineThatIsNotCodeNameParentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Divisions.read(stream("北京市\t110000\n"), null));
    }

    @Test
    void extraColumnsAreIgnored() {
        Divisions d = Divisions.read(stream("330000\t浙江省\t\textra\n330200\t宁波市\t330000\tx\n"), null);
        assertEquals(SAME_CITY, d.nearness("宁波市", List.of("宁波")));
    }

    @Test
    void theShippedFilesLoad() {
        Divisions shipped = Divisions.classpath();
        assertEquals(SAME_CITY, shipped.nearness("慈溪市", List.of("宁波市")));
        assertEquals(NEAR, shipped.nearness("湘潭市", List.of("长沙市")));
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
