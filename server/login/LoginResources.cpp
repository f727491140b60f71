#include "server/login/LoginResources.h"

#include <QFile>

// Resources of a static library must be registered explicitly, outside any namespace.
static void initLoginResources()
{
    Q_INIT_RESOURCE(login_resources);
}

namespace trellis::server {

std::string LoginResources::text(const std::string& name)
{
    static const bool initialised = [] {
        initLoginResources();
        return true;
    }();
    (void)initialised;
    QFile file(QStringLiteral(":/trellis/login/") + QString::fromStdString(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

} // namespace trellis::server
