#include "ui/FlowVersionsPanel.h"

#include "client/ApiClient.h"
#include "models/FlowDiff.h"
#include "models/FlowEditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {
constexpr int kVersionRole = Qt::UserRole;
}

FlowVersionsPanel::FlowVersionsPanel(client::ApiClient* client, models::FlowEditor* editor, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_editor(editor)
{
    setObjectName(QStringLiteral("flowVersionsPanel"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("flowVersionList"));
    m_list->setAccessibleName(tr("Published versions"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("Version"), tr("Note"), tr("Published by"), tr("When")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_note = new QLabel(tr("Select one version to compare it with the draft, or two to compare them."), this);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_compareButton = new QPushButton(tr("&Compare"), this);
    m_compareButton->setObjectName(QStringLiteral("flowCompareVersions"));
    m_restoreButton = new QPushButton(tr("Restore as &draft"), this);
    m_restoreButton->setObjectName(QStringLiteral("flowRestoreVersion"));
    m_restoreButton->setToolTip(tr("Replace the draft with this version's journey"));
    m_rollbackButton = new QPushButton(tr("Make &live again…"), this);
    m_rollbackButton->setObjectName(QStringLiteral("flowRollbackVersion"));
    m_rollbackButton->setToolTip(tr("Roll back: sign-ins use this version again"));
    m_changes = new QListWidget(this);
    m_changes->setObjectName(QStringLiteral("flowVersionChanges"));
    m_changes->setAccessibleName(tr("Changes between the versions"));
    m_changes->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_compareButton);
    buttons->addWidget(m_restoreButton);
    buttons->addWidget(m_rollbackButton);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 2);
    layout->addWidget(m_note);
    layout->addLayout(buttons);
    layout->addWidget(m_changes, 3);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &FlowVersionsPanel::updateButtons);
    connect(m_compareButton, &QPushButton::clicked, this, [this] {
        const QList<int> selected = selectedVersions();
        if (selected.size() == 1)
            compare(selected.first(), 0);
        else if (selected.size() == 2)
            compare(std::min(selected[0], selected[1]), std::max(selected[0], selected[1]));
    });
    connect(m_restoreButton, &QPushButton::clicked, this, [this] {
        if (selectedVersions().size() == 1)
            restore(selectedVersions().first());
    });
    connect(m_rollbackButton, &QPushButton::clicked, this, [this] {
        if (selectedVersions().size() == 1)
            rollback(selectedVersions().first());
    });
    updateButtons();
}

void FlowVersionsPanel::setFlow(const QString& flowId)
{
    m_flowId = flowId;
    reload();
}

void FlowVersionsPanel::reload()
{
    const quint64 generation = ++m_generation;
    m_list->clear();
    m_changes->clear();
    m_versions.clear();
    updateButtons();
    if (m_flowId.isEmpty())
        return;
    m_client->listFlowVersions(
        m_flowId, this, [this, generation](client::ApiResult<std::vector<client::FlowVersionInfo>> result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                m_note->setText(tr("The versions could not be loaded: %1").arg(result.failure.message));
                return;
            }
            m_versions = *result.value;
            for (const auto& v : m_versions) {
                auto* item = new QTreeWidgetItem(
                    m_list, {v.live ? tr("%1 (live)").arg(v.version) : QString::number(v.version), v.note,
                             v.publishedByName, QLocale().toString(v.publishedAt.toLocalTime(), QLocale::ShortFormat)});
                item->setData(0, kVersionRole, v.version);
                item->setToolTip(1, v.note);
            }
            if (m_versions.empty())
                m_note->setText(tr("This journey has not been published yet."));
            updateButtons();
            Q_EMIT loaded();
        });
}

QList<int> FlowVersionsPanel::selectedVersions() const
{
    QList<int> out;
    for (QTreeWidgetItem* item : m_list->selectedItems())
        out.append(item->data(0, kVersionRole).toInt());
    return out;
}

void FlowVersionsPanel::updateButtons()
{
    const int n = int(selectedVersions().size());
    m_compareButton->setEnabled(n == 1 || n == 2);
    m_compareButton->setText(n == 2 ? tr("&Compare the two") : tr("&Compare with draft"));
    m_restoreButton->setEnabled(n == 1);
    m_rollbackButton->setEnabled(n == 1);
}

void FlowVersionsPanel::compare(int older, int newer)
{
    const QString flowId = m_flowId;
    m_client->getFlowVersion(flowId, older, this, [this, flowId, newer](client::ApiResult<client::FlowVersionInfo> a) {
        if (!a.ok() || !a.value->document) {
            m_note->setText(tr("The version could not be loaded: %1").arg(a.failure.message));
            return;
        }
        const core::flow::FlowDocument first = *a.value->document;
        if (newer == 0) {
            showChanges(first, m_editor->document());
            return;
        }
        m_client->getFlowVersion(flowId, newer, this, [this, first](client::ApiResult<client::FlowVersionInfo> b) {
            if (!b.ok() || !b.value->document) {
                m_note->setText(tr("The version could not be loaded: %1").arg(b.failure.message));
                return;
            }
            showChanges(first, *b.value->document);
        });
    });
}

void FlowVersionsPanel::showChanges(const core::flow::FlowDocument& older, const core::flow::FlowDocument& newer)
{
    m_changes->clear();
    const auto changes = models::diffFlowsIgnoringLayout(older, newer);
    for (const auto& change : changes)
        new QListWidgetItem(models::describeChange(change), m_changes);
    if (changes.empty())
        new QListWidgetItem(tr("No differences (apart from where steps sit on the canvas)."), m_changes);
    Q_EMIT compared();
}

void FlowVersionsPanel::restore(int version)
{
    if (confirm &&
        !confirm(tr("Restore version %1").arg(version),
                 tr("The draft is replaced by version %1's journey. Unsaved changes are lost.").arg(version)))
        return;
    m_client->restoreFlowVersion(m_flowId, version, this, [this](client::ApiResult<bool> result) {
        if (!result.ok()) {
            m_note->setText(tr("The version could not be restored: %1").arg(result.failure.message));
            return;
        }
        Q_EMIT draftReplaced();
    });
}

void FlowVersionsPanel::rollback(int version)
{
    std::optional<QString> note = askText ? askText(tr("Make version %1 live again").arg(version),
                                                    tr("Sign-ins use version %1 again wherever this journey is bound. "
                                                       "Why (kept in the history)?")
                                                        .arg(version))
                                          : std::optional<QString>(QString());
    if (!note)
        return;
    m_client->republishFlowVersion(m_flowId, version, *note, this, [this](client::ApiResult<client::PublishResult> r) {
        if (!r.ok() || !r.value->published) {
            m_note->setText(tr("The version could not be made live: %1").arg(r.failure.message));
            return;
        }
        reload();
        Q_EMIT published(r.value->version.version);
    });
}

} // namespace trellis::ui
