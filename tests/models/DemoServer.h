#pragma once

#include "client/ApiClient.h"
#include "tests/client/ApiTestSupport.h"
#include "tests/common/TrellisdProcess.h"

#include <QString>

namespace trellis::test {

/// A real trellisd with the demo world and an ApiClient signed in as the platform owner, for model tests.
struct DemoServer
{
    TrellisdProcess process;
    client::ApiClient client;

    /// Empty on success, otherwise why not (the caller QSKIPs or fails with it).
    QString start()
    {
        process.setDemo(true);
        if (!process.start())
            return process.errorString();
        const QByteArray token = process.adminToken(QStringLiteral("owner@acme.example"));
        if (token.isEmpty())
            return QStringLiteral("admin-token gave no token");
        client.setBaseUrl(process.baseUrl());
        client.setAccessToken(token);
        return QString();
    }

    /// Every child of an org, straight from the API (the reference the models are compared with).
    std::vector<core::Org> children(const QString& orgId)
    {
        std::vector<core::Org> all;
        QString cursor;
        do {
            auto page = callAndWait<core::Page<core::Org>>(
                [&](QObject* ctx, auto cb) { client.listChildOrgs(orgId, cursor, 100, ctx, cb); });
            if (!page.ok())
                return {};
            all.insert(all.end(), page.value->items.begin(), page.value->items.end());
            cursor = QString::fromStdString(page.value->nextCursor);
        } while (!cursor.isEmpty());
        return all;
    }

    std::vector<core::Org> roots()
    {
        auto page = callAndWait<core::Page<core::Org>>(
            [&](QObject* ctx, auto cb) { client.listRootOrgs(QString(), 100, ctx, cb); });
        return page.ok() ? page.value->items : std::vector<core::Org>();
    }
};

} // namespace trellis::test
