package org.meshledger.query.notifications;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.meshledger.platform.notifications.WebhookTargets;

/**
 * Resolves a webhook's host at the moment of connecting, through the same rule a subscription was checked by: the
 * connection goes only to the addresses found allowed then, so a name re-pointed inside the network after the check
 * (DNS rebinding) is refused instead of reached.
 */
final class CheckedAddresses extends AddressResolverGroup<InetSocketAddress> {

    private final WebhookTargets targets;

    CheckedAddresses(WebhookTargets targets) {
        this.targets = targets;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                try {
                    promise.setSuccess(targets.addressesOf(host)[0]);
                } catch (RuntimeException refused) {
                    promise.setFailure(refused);
                }
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                try {
                    promise.setSuccess(List.of(targets.addressesOf(host)));
                } catch (RuntimeException refused) {
                    promise.setFailure(refused);
                }
            }
        }.asAddressResolver();
    }
}
