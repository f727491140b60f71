#include "models/OrgSearchModel.h"

#include "client/ApiClient.h"

#include <QLoggingCategory>
#include <QStringList>
#include <QTimer>

namespace trellis::models {

namespace {
Q_LOGGING_CATEGORY(lcSearch, "trellis.models.search")

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
} // namespace

OrgSearchModel::OrgSearchModel(client::ApiClient* client, QObject* parent)
    : QAbstractListModel(parent)
    , m_client(client)
    , m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &OrgSearchModel::searchNow);
}

OrgSearchModel::~OrgSearchModel() = default;

void OrgSearchModel::setDebounceInterval(int milliseconds)
{
    m_debounce->setInterval(milliseconds);
}
void OrgSearchModel::setLimit(int limit)
{
    m_limit = qBound(1, limit, 100);
}
QString OrgSearchModel::query() const
{
    return m_query;
}
bool OrgSearchModel::isSearching() const
{
    return m_searching;
}

void OrgSearchModel::setQuery(const QString& text)
{
    // Any answer still on its way is for an older text from now on.
    ++m_serial;
    m_query = text;
    m_searching = false;
    m_debounce->start();
}

void OrgSearchModel::searchNow()
{
    m_debounce->stop();
    const QString text = m_query.trimmed();
    const quint64 serial = ++m_serial;
    if (text.isEmpty()) {
        m_searching = false;
        setResults({});
        return;
    }
    m_searching = true;
    m_client->searchOrgs(text, m_limit, this, [this, serial](client::ApiResult<core::Page<core::Org>> result) {
        if (serial != m_serial) {
            qCDebug(lcSearch) << "ignoring a stale search answer";
            return;
        }
        m_searching = false;
        if (!result.ok()) {
            Q_EMIT searchFailed(result.failure.message);
            return;
        }
        setResults(std::move(result.value->items));
    });
}

void OrgSearchModel::setResults(std::vector<core::Org> results)
{
    // A new answer replaces the whole list; there is nothing to keep from the previous one.
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
    Q_EMIT resultsReady();
}

core::Org OrgSearchModel::orgAt(int row) const
{
    if (row < 0 || row >= int(m_results.size()))
        return core::Org();
    return m_results[std::size_t(row)];
}

int OrgSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

QVariant OrgSearchModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= int(m_results.size()))
        return QVariant();
    const core::Org& org = m_results[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        // "Name — Acme › Northwind": where it sits, without repeating its own name.
        QStringList ancestors;
        for (std::size_t i = 0; i + 1 < org.pathNames.size(); ++i)
            ancestors.append(qs(org.pathNames[i]));
        if (ancestors.isEmpty())
            return qs(org.name);
        return qs(org.name) + QStringLiteral(" — ") + ancestors.join(QStringLiteral(" › "));
    }
    case Qt::ToolTipRole:
        return qs(org.slug);
    case OrgIdRole:
        return qs(org.id);
    case PathRole: {
        QStringList ids;
        for (const auto& id : org.path)
            ids.append(qs(id));
        return ids;
    }
    case KindRole:
        return qs(std::string(core::toString(org.kind)));
    default:
        return QVariant();
    }
}

} // namespace trellis::models
