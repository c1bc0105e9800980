package cn.org.kczg.teams.registration;

import cn.org.kczg.teams.testkit.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTests extends ServiceEndpointsContract {
}
