#include "ui/FlowsPage.h"

#include "client/ApiClient.h"
#include "core/flow/DefaultFlow.h"
#include "models/ConsoleSession.h"
#include "models/FlowEditor.h"
#include "models/FlowRecovery.h"
#include "models/OrgTreeModel.h"
#include "ui/FlowBindingsPanel.h"
#include "ui/FlowDesigner.h"
#include "ui/FlowScene.h"
#include "ui/FlowSimulatorPanel.h"
#include "ui/FlowVersionsPanel.h"
#include "ui/FlowView.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

constexpr int kFlowIdRole = Qt::UserRole;

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

/// The server answers 404 for routes it does not have: an older trellisd without login journeys.
bool isMissingRoute(const client::ApiFailure& failure)
{
    return failure.httpStatus == 404 &&
           (failure.code == QLatin1String("http_404") || failure.code == QLatin1String("not_found") ||
            failure.code == QLatin1String("route_not_found"));
}

} // namespace

FlowsPage::FlowsPage(models::ConsoleSession* session, QWidget* parent)
    : SectionPage(parent)
    , m_session(session)
    , m_treeModel(new models::OrgTreeModel(session->client(), this))
    , m_editor(new models::FlowEditor(this))
    , m_recovery(new models::FlowRecovery(m_editor, this))
{
    setObjectName(QStringLiteral("flowsPage"));
    setAccessibleName(tr("Login journeys"));

    m_prompts.ask = [this](const QString& title, const QString& text, QMessageBox::StandardButtons buttons,
                           QMessageBox::StandardButton defaultButton) {
        return QMessageBox::question(this, title, text, buttons, defaultButton);
    };
    m_prompts.askText = [this](const QString& title, const QString& label) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getText(this, title, label, QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return std::nullopt;
        return text;
    };
    m_prompts.askChoice = [this](const QString& title, const QString& label,
                                 const QStringList& items) -> std::optional<int> {
        bool ok = false;
        const QString item = QInputDialog::getItem(this, title, label, items, 0, false, &ok);
        if (!ok)
            return std::nullopt;
        return int(items.indexOf(item));
    };
    m_prompts.openFile = [this](const QString& title, const QString& filter) {
        return QFileDialog::getOpenFileName(this, title, QString(), filter);
    };
    m_prompts.saveFile = [this](const QString& title, const QString& suggested, const QString& filter) {
        return QFileDialog::getSaveFileName(this, title, suggested, filter);
    };

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("flowsOrgTree"));
    m_tree->setAccessibleName(tr("Organisation"));
    m_tree->setAccessibleDescription(tr("Pick the organisation whose login journeys you want to see."));
    m_tree->setUniformRowHeights(true);
    m_tree->setHeaderHidden(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("flowList"));
    m_list->setAccessibleName(tr("Login journeys"));
    m_list->setAlternatingRowColors(true);
    m_tree->setMinimumWidth(120);
    m_list->setMinimumWidth(120);

    m_newAction = new QAction(tr("&New journey…"), this);
    m_newAction->setObjectName(QStringLiteral("newFlowAction"));
    connect(m_newAction, &QAction::triggered, this, [this] {
        if (m_org.id.empty() || !confirmDiscard())
            return;
        const auto name = m_prompts.askText(tr("New login journey"), tr("Name of the journey:"));
        if (!name || name->trimmed().isEmpty())
            return;
        // The server's starter templates (contract keys); the first entry is the built-in journey.
        const QList<std::pair<QString, QString>> templates{
            {QString(), tr("Email and password (the built-in sign-in)")},
            {QStringLiteral("passwordless-first"), tr("Passwordless first (passkey, else a link by email)")},
            {QStringLiteral("passkey-password"),
             tr("Passkey first, password as fallback (then the offer of a passkey)")},
            {QStringLiteral("partner-sso"), tr("Partner sign-in (code by email, choose organisation, terms)")},
            {QStringLiteral("password-risk-step-up"), tr("Password with risk-based step-up")},
            {QStringLiteral("invitation-acceptance"),
             tr("Invitation acceptance (link by email, terms, profile, authenticator)")}};
        QStringList captions;
        for (const auto& entry : templates)
            captions.append(entry.second);
        const auto choice = m_prompts.askChoice(tr("New login journey"), tr("Start from:"), captions);
        if (!choice || *choice < 0 || *choice >= templates.size())
            return;
        m_session->client()->createFlow(
            qs(m_org.id), name->trimmed(), QString(), templates.at(*choice).first, this,
            [this](client::ApiResult<client::FlowRecord> result) {
                if (!result.ok()) {
                    m_note->setText(tr("The journey could not be created: %1").arg(result.failure.message));
                    m_note->show();
                    return;
                }
                const QString id = result.value->summary.id;
                loadFlows();
                m_editor->markSaved();
                openFlow(id);
            });
    });
    m_newButton = new QPushButton(m_newAction->text(), this);
    m_newButton->setObjectName(QStringLiteral("newFlowButton"));
    connect(m_newButton, &QPushButton::clicked, m_newAction, &QAction::trigger);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* orgSplit = new QSplitter(Qt::Vertical, left);
    orgSplit->addWidget(m_tree);
    auto* listBox = new QWidget(orgSplit);
    auto* listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto* listHeading = new QLabel(tr("Journeys usable here:"), listBox);
    listHeading->setBuddy(m_list);
    listLayout->addWidget(listHeading);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_newButton);
    orgSplit->addWidget(listBox);
    leftLayout->addWidget(orgSplit);

    m_designer = new FlowDesigner(m_editor, this);
    m_versions = new FlowVersionsPanel(session->client(), m_editor, this);
    m_bindings = new FlowBindingsPanel(session->client(), this);
    m_simulator = new FlowSimulatorPanel(session->client(), m_designer, this);
    m_designer->addSideTab(m_versions, tr("Versions"));
    m_designer->addSideTab(m_bindings, tr("Bindings"));
    m_designer->addSideTab(m_simulator, tr("Simulate"));
    const auto confirm = [this](const QString& title, const QString& text) {
        return ask(title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_versions->confirm = confirm;
    m_versions->askText = [this](const QString& title, const QString& label) {
        return m_prompts.askText(title, label);
    };
    m_bindings->confirm = confirm;
    connect(m_versions, &FlowVersionsPanel::draftReplaced, this, [this] {
        m_recovery->discard();
        m_editor->markSaved();
        openFlow(m_flowId);
    });
    connect(m_versions, &FlowVersionsPanel::published, this, [this] { loadFlows(); });

    m_heading = new QLabel(tr("Pick an organisation."), this);
    m_heading->setObjectName(QStringLiteral("flowHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("flowStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("flowNote"));
    m_note->setWordWrap(true);
    m_note->hide();

    auto makeAction = [this](const QString& text, const QString& name, const QKeySequence& shortcut) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                             shortcut.toString(QKeySequence::NativeText)));
        }
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_saveAction = makeAction(tr("&Save draft"), QStringLiteral("flowSave"), QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &FlowsPage::save);
    m_publishAction =
        makeAction(tr("&Publish…"), QStringLiteral("flowPublish"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_publishAction, &QAction::triggered, this, &FlowsPage::publish);
    m_exportAction = makeAction(tr("E&xport…"), QStringLiteral("flowExport"), {});
    connect(m_exportAction, &QAction::triggered, this, [this] {
        const QString suggested =
            (m_flowName.isEmpty() ? QStringLiteral("journey") : m_flowName) + QStringLiteral(".json");
        const QString path = m_prompts.saveFile(tr("Export login journey"), suggested, tr("Journey files (*.json)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    m_importAction = makeAction(tr("&Import…"), QStringLiteral("flowImport"), {});
    connect(m_importAction, &QAction::triggered, this, [this] {
        const QString path = m_prompts.openFile(tr("Import login journey"), tr("Journey files (*.json)"));
        if (!path.isEmpty())
            importFrom(path);
    });
    QToolBar* bar = m_designer->toolBar();
    QAction* first = bar->actions().isEmpty() ? nullptr : bar->actions().first();
    bar->insertAction(first, m_saveAction);
    bar->insertAction(first, m_publishAction);
    bar->insertAction(first, m_exportAction);
    bar->insertAction(first, m_importAction);
    bar->insertSeparator(first);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_heading);
    rightLayout->addWidget(m_status);
    rightLayout->addWidget(m_note);
    rightLayout->addWidget(m_designer, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({170, 1030});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    setTabOrder(m_tree, m_list);
    setTabOrder(m_list, m_newButton);
    setTabOrder(m_newButton, m_designer);

    connect(m_list, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem* current, QListWidgetItem* previous) {
                if (m_restoringSelection || !current)
                    return;
                const QString id = current->data(kFlowIdRole).toString();
                if (id == m_flowId)
                    return;
                if (!confirmDiscard()) {
                    m_restoringSelection = true;
                    m_list->setCurrentItem(previous);
                    m_restoringSelection = false;
                    return;
                }
                openFlow(id);
            });
    connect(m_editor->undoStack(), &QUndoStack::cleanChanged, this, &FlowsPage::updateStatus);
    connect(m_treeModel, &models::OrgTreeModel::rootsLoaded, this, [this] {
        if (!m_tree->currentIndex().isValid() && m_treeModel->rowCount() > 0) {
            m_tree->expand(m_treeModel->index(0, 0));
            m_tree->setCurrentIndex(m_treeModel->index(0, 0));
        }
        updateBusy();
    });
    updateStatus();
}

FlowsPage::~FlowsPage()
{
    m_recovery->flush();
    if (m_tree->selectionModel())
        disconnect(m_tree->selectionModel(), nullptr, this, nullptr);
    disconnect(m_treeModel, nullptr, this, nullptr);
    disconnect(m_list, nullptr, this, nullptr);
    disconnect(m_editor->undoStack(), nullptr, this, nullptr);
    // The widgets watch the editor: they go first (children die in creation order, the editor was made earlier).
    delete m_simulator;
    delete m_versions;
    delete m_bindings;
    delete m_designer;
}

QString FlowsPage::sectionKey() const
{
    return QStringLiteral("flows");
}

QString FlowsPage::title() const
{
    return tr("Login journeys");
}

QIcon FlowsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/section-flows.svg"));
}

void FlowsPage::setPrompts(Prompts prompts)
{
    m_prompts = std::move(prompts);
}

QMessageBox::StandardButton FlowsPage::ask(const QString& title, const QString& text,
                                           QMessageBox::StandardButtons buttons,
                                           QMessageBox::StandardButton defaultButton)
{
    return m_prompts.ask(title, text, buttons, defaultButton);
}

void FlowsPage::attachTree()
{
    if (m_tree->model() == m_treeModel)
        return;
    m_tree->setModel(m_treeModel);
    m_tree->hideColumn(models::OrgTreeModel::MembersColumn);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current, const QModelIndex& previous) {
                if (m_restoringSelection)
                    return;
                if (previous.isValid() && !confirmDiscard()) {
                    m_restoringSelection = true;
                    m_tree->selectionModel()->setCurrentIndex(previous, QItemSelectionModel::ClearAndSelect);
                    m_restoringSelection = false;
                    return;
                }
                onOrgChanged(current);
            });
}

void FlowsPage::activate()
{
    if (!m_loadedOnce && m_session->state() == models::ConsoleSession::State::Connected)
        reload();
}

void FlowsPage::reload()
{
    attachTree();
    m_loadedOnce = true;
    m_org = {};
    m_flows.clear();
    m_flowsLoaded = false;
    ++m_generation;
    m_list->clear();
    loadCatalog();
    m_treeModel->reload();
    updateBusy();
}

void FlowsPage::recover()
{
    if (m_treeModel->rowCount() == 0)
        reload();
    else
        loadFlows();
}

bool FlowsPage::isBusy() const
{
    return m_busyFlag;
}

void FlowsPage::updateBusy()
{
    const bool busy = !m_org.id.empty() && !m_flowsLoaded;
    if (busy != m_busyFlag) {
        m_busyFlag = busy;
        Q_EMIT busyChanged(busy);
    }
}

void FlowsPage::loadCatalog()
{
    m_session->client()->flowCatalog(this, [this](client::ApiResult<std::shared_ptr<core::flow::NodeCatalog>> result) {
        // Without the server's catalog (older server) the console's own built-in one is used.
        if (!result.ok())
            return;
        m_catalog = *result.value;
        m_editor->setCatalog(m_catalog.get());
        m_editor->load(m_editor->document());
    });
}

void FlowsPage::onOrgChanged(const QModelIndex& current)
{
    m_org = current.isValid() ? m_treeModel->orgAt(current.siblingAtColumn(0)) : core::Org();
    m_bindings->setContext(qs(m_org.id), qs(m_org.name), m_flowId, m_flowName);
    loadFlows();
}

void FlowsPage::loadFlows()
{
    const quint64 generation = ++m_generation;
    m_flowsLoaded = false;
    m_flows.clear();
    m_list->clear();
    m_note->hide();
    if (m_org.id.empty()) {
        updateBusy();
        return;
    }
    updateBusy();
    m_session->client()->listFlows(
        qs(m_org.id), this, [this, generation](client::ApiResult<std::vector<client::FlowSummary>> result) {
            if (generation != m_generation)
                return;
            m_flowsLoaded = true;
            if (!result.ok()) {
                // 404 for the list while the catalog did not load either: a server without the journey API.
                if (isMissingRoute(result.failure) && !m_catalog) {
                    // An older server: design on a local copy of the built-in journey (export still works).
                    m_serverHasFlows = false;
                    m_note->setText(tr("This server does not offer login journeys yet. You can design here and "
                                       "export the journey to a file."));
                    m_note->show();
                    if (m_flowId.isEmpty() && m_editor->document().nodes.empty())
                        openLocal(core::flow::defaultFlow(), tr("Built-in sign-in"));
                } else {
                    m_note->setText(tr("The login journeys could not be loaded: %1").arg(result.failure.message));
                    m_note->show();
                }
                updateBusy();
                updateStatus();
                advanceScreenshot();
                return;
            }
            m_serverHasFlows = true;
            m_flows = *result.value;
            fillList();
            updateBusy();
            if (m_flows.empty()) {
                // E.g. a workspace created before journeys existed: nothing was seeded, the built-in journey runs.
                m_note->setText(tr("No login journey is usable here yet, so sign-ins run the built-in journey. "
                                   "Start one with \"New journey…\"."));
                m_note->show();
            }
            // When none is open yet (a first visit, the screenshot): the journey sign-ins here use for every
            // application, else the first one listed.
            if (m_flowId.isEmpty() && !m_flows.empty() && !m_editor->isModified()) {
                m_session->client()->listFlowBindings(
                    qs(m_org.id), this, [this, generation](client::ApiResult<client::FlowBindings> bindings) {
                        if (generation != m_generation || !m_flowId.isEmpty())
                            return;
                        QString pick = m_flows.front().id;
                        if (bindings.ok())
                            for (const auto& e : bindings.value->effective)
                                if (e.clientId.isEmpty())
                                    for (const auto& flow : m_flows)
                                        if (flow.id == e.flowId)
                                            pick = flow.id;
                        openFlow(pick);
                    });
            } else {
                advanceScreenshot();
            }
        });
}

void FlowsPage::fillList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const auto& flow : m_flows) {
        auto* item = new QListWidgetItem(flow.name, m_list);
        item->setData(kFlowIdRole, flow.id);
        const QString state = flow.liveVersion ? tr("Live: version %1").arg(*flow.liveVersion) : tr("Not published");
        item->setToolTip(flow.description.isEmpty() ? state : flow.description + QLatin1Char('\n') + state);
        if (flow.orgId != qs(m_org.id))
            item->setText(tr("%1 (inherited)").arg(flow.name));
        if (flow.id == m_flowId)
            m_list->setCurrentItem(item);
    }
    m_newButton->setEnabled(!m_org.id.empty() && m_serverHasFlows);
}

bool FlowsPage::confirmDiscard()
{
    if (!m_editor->isModified())
        return true;
    const auto answer = ask(tr("Unsaved changes"),
                            tr("The journey “%1” has changes that are not saved. Save them first?").arg(m_flowName),
                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save) {
        save();
        // Saving is asynchronous: the recovery copy keeps the edits should it fail.
        m_recovery->flush();
        return true;
    }
    m_recovery->discard();
    m_editor->markSaved();
    return true;
}

void FlowsPage::openFlow(const QString& flowId)
{
    // Only the journey asked for last is opened: an earlier answer arriving late must not replace it.
    const quint64 request = ++m_openRequest;
    m_session->client()->getFlow(flowId, this, [this, flowId, request](client::ApiResult<client::FlowRecord> result) {
        if (request != m_openRequest)
            return;
        if (!result.ok()) {
            m_note->setText(tr("The journey could not be opened: %1").arg(result.failure.message));
            m_note->show();
            advanceScreenshot();
            return;
        }
        m_flowId = flowId;
        m_flowName = result.value->summary.name;
        m_revision = result.value->summary.draftRevision;
        m_recovery->setFlow(QString(), 0);
        m_editor->load(result.value->draft);
        m_recovery->setFlow(flowId, m_revision);
        m_heading->setText(m_flowName);
        for (int row = 0; row < m_list->count(); ++row)
            if (m_list->item(row)->data(kFlowIdRole).toString() == flowId) {
                const QSignalBlocker blocker(m_list);
                m_list->setCurrentRow(row);
            }
        m_designer->fitSoon();
        m_versions->setFlow(flowId);
        m_bindings->setContext(qs(m_org.id), qs(m_org.name), flowId, m_flowName);
        m_simulator->setFlow(flowId, qs(m_org.id));
        updateStatus();
        offerRecovery();
        Q_EMIT flowOpened(flowId);
        advanceScreenshot();
    });
}

void FlowsPage::openLocal(const core::flow::FlowDocument& document, const QString& name)
{
    m_flowId.clear();
    m_flowName = name;
    m_revision = 0;
    m_recovery->setFlow(QString(), 0);
    m_editor->load(document);
    m_versions->setFlow(QString());
    m_bindings->setContext(qs(m_org.id), qs(m_org.name), QString(), QString());
    m_simulator->setFlow(QString(), qs(m_org.id));
    m_heading->setText(name);
    m_designer->fitSoon();
    updateStatus();
}

void FlowsPage::offerRecovery()
{
    const auto entry = models::FlowRecovery::find(m_flowId);
    if (!entry)
        return;
    if (entry->document == m_editor->document()) {
        models::FlowRecovery::remove(m_flowId);
        return;
    }
    const QString when = QLocale().toString(entry->savedAt.toLocalTime(), QLocale::ShortFormat);
    QString text = tr("Changes to “%1” from %2 were not saved (the console closed or lost the connection). "
                      "Restore them?")
                       .arg(m_flowName, when);
    if (entry->revision != m_revision)
        text += QLatin1Char(' ') + tr("Someone has saved the journey since then; restoring replaces their version "
                                      "when you save.");
    const auto answer = ask(tr("Restore unsaved changes"), text, QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        m_editor->replaceDocument(entry->document, tr("Restore unsaved changes"));
        m_designer->fitSoon();
    } else {
        models::FlowRecovery::remove(m_flowId);
    }
    updateStatus();
}

void FlowsPage::save()
{
    if (m_flowId.isEmpty())
        return;
    const core::flow::FlowDocument document = m_editor->document();
    const int undoIndex = m_editor->undoStack()->index();
    m_status->setText(tr("Saving…"));
    m_session->client()->saveFlowDraft(
        m_flowId, document, m_revision, this,
        [this, undoIndex, flowId = m_flowId](client::ApiResult<client::DraftSaveResult> result) {
            if (flowId != m_flowId)
                return;
            if (!result.ok()) {
                m_recovery->flush();
                if (result.failure.code == QLatin1String("revision_conflict")) {
                    const auto answer =
                        ask(tr("Someone else saved this journey"),
                            tr("“%1” was saved by someone else after you opened it, so your changes were not saved. "
                               "Reload their version (your changes are lost), or keep editing yours (export it to "
                               "keep a copy)?")
                                .arg(m_flowName),
                            QMessageBox::Reset | QMessageBox::Ignore, QMessageBox::Ignore);
                    if (answer == QMessageBox::Reset) {
                        m_recovery->discard();
                        m_editor->markSaved();
                        openFlow(m_flowId);
                    }
                } else if (result.failure.isNetworkError()) {
                    m_note->setText(tr("The journey could not be saved because the server cannot be reached. Your "
                                       "changes are kept on this computer and offered again when you open it."));
                    m_note->show();
                } else {
                    m_note->setText(tr("The journey could not be saved: %1").arg(result.failure.message));
                    m_note->show();
                }
                updateStatus();
                Q_EMIT saveFailed(result.failure.code);
                return;
            }
            if (!result.value->saved) {
                m_editor->setServerProblems(result.value->problems);
                m_note->setText(tr("The server refused the journey's shape: %n problem(s), shown on the steps.",
                                   nullptr, int(result.value->problems.size())));
                m_note->show();
                updateStatus();
                Q_EMIT saveFailed(QStringLiteral("invalid_document"));
                return;
            }
            m_revision = result.value->draftRevision;
            m_recovery->setFlow(m_flowId, m_revision);
            // Only the state that was sent is saved: edits made while saving stay unsaved.
            if (m_editor->undoStack()->index() == undoIndex) {
                m_editor->markSaved();
                m_recovery->discard();
            }
            m_note->hide();
            updateStatus();
            Q_EMIT flowSaved(m_revision);
        });
}

void FlowsPage::publish()
{
    if (m_flowId.isEmpty())
        return;
    if (m_editor->isModified()) {
        const auto answer = ask(tr("Publish"), tr("Save your changes and publish them?"),
                                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return;
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(this, &FlowsPage::flowSaved, this, [this, connection] {
            disconnect(*connection);
            publish();
        });
        auto failed = std::make_shared<QMetaObject::Connection>();
        *failed = connect(this, &FlowsPage::saveFailed, this, [this, connection, failed] {
            disconnect(*connection);
            disconnect(*failed);
        });
        save();
        return;
    }
    const auto note = m_prompts.askText(tr("Publish “%1”").arg(m_flowName),
                                        tr("Publishing makes this draft the live sign-in journey wherever it is "
                                           "bound. What changed (kept in the version history)?"));
    if (!note)
        return;
    m_session->client()->publishFlow(
        m_flowId, *note, m_revision, this, [this](client::ApiResult<client::PublishResult> result) {
            if (result.ok() && !result.value->published) {
                m_editor->setServerProblems(result.value->problems);
                m_designer->sideTabs()->setCurrentWidget(m_designer->problemsList());
                m_note->setText(tr("The journey cannot be published yet: %n problem(s), marked on the steps.", nullptr,
                                   int(result.value->problems.size())));
                m_note->show();
                return;
            }
            if (!result.ok()) {
                m_note->setText(tr("The journey could not be published: %1").arg(result.failure.message));
                m_note->show();
                return;
            }
            m_note->setText(tr("Version %1 is live.").arg(result.value->version.version));
            m_note->show();
            m_versions->reload();
            loadFlows();
            Q_EMIT flowPublished(result.value->version.version);
        });
}

bool FlowsPage::exportTo(const QString& path)
{
    QSaveFile file(path);
    const QByteArray json = QByteArray::fromStdString(m_editor->document().toJson().dump(2)) + '\n';
    if (!file.open(QIODevice::WriteOnly) || file.write(json) < 0 || !file.commit()) {
        m_note->setText(tr("The journey could not be written to %1.").arg(path));
        m_note->show();
        return false;
    }
    return true;
}

bool FlowsPage::importFrom(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_note->setText(tr("%1 could not be read.").arg(path));
        m_note->show();
        return false;
    }
    const QByteArray data = file.readAll();
    std::vector<core::flow::FlowProblem> problems;
    const auto document = core::flow::FlowDocument::parse(std::string_view(data.constData(), data.size()), problems);
    if (!document) {
        m_note->setText(
            tr("%1 is not a login journey: %2").arg(path, problems.empty() ? QString() : qs(problems.front().message)));
        m_note->show();
        return false;
    }
    m_editor->replaceDocument(*document, tr("Import"));
    m_designer->fitSoon();
    m_note->hide();
    return true;
}

void FlowsPage::updateStatus()
{
    QStringList parts;
    if (m_flowId.isEmpty()) {
        parts << (m_editor->document().nodes.empty() ? tr("No journey open.")
                                                     : tr("A local copy: not saved on the server."));
    } else {
        for (const auto& flow : m_flows)
            if (flow.id == m_flowId) {
                parts << (flow.liveVersion ? tr("Live: version %1").arg(*flow.liveVersion) : tr("Not published yet"));
                if (!flow.updatedByName.isEmpty())
                    parts << tr("Draft saved by %1 on %2")
                                 .arg(flow.updatedByName,
                                      QLocale().toString(flow.updatedAt.toLocalTime(), QLocale::ShortFormat));
            }
        parts << tr("Draft revision %1").arg(m_revision);
    }
    if (m_editor->isModified())
        parts << tr("Unsaved changes (kept on this computer until saved)");
    m_status->setText(parts.join(QStringLiteral(" · ")));
    const bool canSave = !m_flowId.isEmpty() && m_serverHasFlows;
    m_saveAction->setEnabled(canSave);
    m_publishAction->setEnabled(canSave);
}

void FlowsPage::prepareScreenshot()
{
    m_screenshotPending = true;
    if (!m_loadedOnce && m_session->state() == models::ConsoleSession::State::Connected)
        reload();
    advanceScreenshot();
}

void FlowsPage::advanceScreenshot()
{
    const bool nothingToOpen = m_serverHasFlows && m_flows.empty();
    if (!m_screenshotPending || !m_flowsLoaded || (m_editor->document().nodes.empty() && !nothingToOpen))
        return;
    m_screenshotPending = false;
    if (m_editor->document().nodes.empty()) {
        Q_EMIT screenshotReady();
        return;
    }
    // Show a step selected, so the inspector and the problems are part of the picture.
    const auto& doc = m_editor->document();
    const std::string pick = doc.nodes.size() > 1 ? doc.nodes[1].id : doc.nodes.front().id;
    m_designer->scene()->selectNodes({qs(pick)});
    m_designer->view()->showReadable();
    Q_EMIT screenshotReady();
}

} // namespace trellis::ui
