#pragma once

// A graphsim instance and a Vigil sign-in against it, for integration tests of Graph features:
// the simulator approves the sign-in for one of its users, so the whole authorization code flow
// runs over real sockets without a page to click.

#include "core/auth/signinflow.h"
#include "core/graph/graphclient.h"
#include "graphsim/simulator.h"
#include "support/scriptedbrowser.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

namespace vigil::test {

class GraphsimSession
{
public:
    explicit GraphsimSession(graphsim::SimulatorOptions options = defaultOptions())
        : simulator(std::move(options))
    {
    }

    static graphsim::SimulatorOptions defaultOptions()
    {
        graphsim::SimulatorOptions o;
        o.alerts = 300;
        o.legacyAlerts = 60;
        return o;
    }

    /// Starts the simulator and signs in as its first user (or `user`). False on any failure.
    bool start(const QString &user = {})
    {
        if (!simulator.start())
            return false;
        const QString upn = user.isEmpty() ? simulator.users().constFirst().userPrincipalName : user;
        if (!simulator.setAutoApproveUser(upn))
            return false;
        core::SignInConfiguration c;
        c.authorityUrl = simulator.baseUrl();
        c.tenant = simulator.tenantId();
        c.clientId = QStringLiteral("5d6f2a4e-7c1b-4e0a-9b8d-3f2e1c0a9b87");
        c.graphUrl = simulator.baseUrl();
        flow.setConfiguration(c);
        flow.setPermissions(permissions);
        QSignalSpy requested(&flow, &core::SignInFlow::authorizationRequested);
        QSignalSpy signedIn(&flow, &core::SignInFlow::signedIn);
        if (!flow.signIn() || requested.isEmpty())
            return false;
        browser.follow(requested.at(0).at(0).toUrl());
        if (signedIn.isEmpty() && !signedIn.wait(5000))
            return false;
        client.setServiceRoot(simulator.baseUrl());
        me = upn;
        return true;
    }

    graphsim::Simulator simulator;
    QNetworkAccessManager network;
    core::SignInFlow flow{&network};
    core::GraphClient client{&network, &flow};
    ScriptedBrowser browser;
    QString me;
    /// What the test signs in with; the legacy API and mail need more than the default.
    QStringList permissions = core::SignInFlow::defaultPermissions()
                            << QStringLiteral("SecurityEvents.ReadWrite.All") << QStringLiteral("Mail.Send");
};

} // namespace vigil::test
