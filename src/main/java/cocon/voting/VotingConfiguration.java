package cocon.voting;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Voting checks every minute for support windows that closed (see {@link SupportsClosing}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class VotingConfiguration {
}
