package cn.org.kczg.teams.activity;

import cn.org.kczg.teams.testkit.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTests extends ServiceEndpointsContract {
}
