#include "ui/OrgDetailsPane.h"

#include "models/MemberListModel.h"
#include "ui/BusyIndicator.h"
#include "ui/DisplayNames.h"

#include <algorithm>

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

QLabel* makeValueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

OrgDetailsPane::OrgDetailsPane(models::MemberListModel* members, QWidget* parent)
    : QWidget(parent)
    , m_members(members)
{
    setAccessibleName(tr("Organisation details"));
    m_stack = new QStackedWidget(this);

    m_placeholder = new QLabel(tr("Select an organisation to see its details and members."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    m_stack->addWidget(m_placeholder);

    auto* details = new QWidget(this);
    m_kindIcon = new QLabel(details);
    m_kindIcon->setFixedSize(32, 32);
    m_heading = new QLabel(details);
    m_heading->setAccessibleName(tr("Organisation name"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);

    m_breadcrumb = makeValueLabel(details);
    m_breadcrumb->setAccessibleName(tr("Path"));
    m_breadcrumb->setWordWrap(true);
    m_breadcrumb->setForegroundRole(QPalette::PlaceholderText);

    auto* headingRow = new QHBoxLayout;
    headingRow->setSpacing(10);
    headingRow->addWidget(m_kindIcon, 0, Qt::AlignVCenter);
    headingRow->addWidget(m_heading, 1, Qt::AlignVCenter);

    m_form = new QFormLayout;
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setHorizontalSpacing(24);
    m_form->setVerticalSpacing(6);
    m_kind = addValueRow(tr("Kind:"));
    m_status = addValueRow(tr("Status:"));
    m_slug = addValueRow(tr("Slug:"));
    m_childCount = addValueRow(tr("Sub-organisations:"));
    m_memberCount = addValueRow(tr("Members:"));
    m_fixedRows = m_form->rowCount();

    m_membersHeading = new QLabel(tr("Members"), details);
    QFont sectionFont = m_membersHeading->font();
    sectionFont.setBold(true);
    sectionFont.setPointSizeF(sectionFont.pointSizeF() * 1.15);
    m_membersHeading->setFont(sectionFont);
    m_membersBusy = new BusyIndicator(details);
    m_membersNote = new QLabel(details);
    m_membersNote->setWordWrap(true);
    m_membersNote->setForegroundRole(QPalette::PlaceholderText);
    m_membersNote->hide();

    auto* membersRow = new QHBoxLayout;
    membersRow->setSpacing(8);
    membersRow->addWidget(m_membersHeading);
    membersRow->addWidget(m_membersBusy);
    membersRow->addStretch(1);

    m_membersView = new QTableView(details);
    m_membersView->setObjectName(QStringLiteral("membersView"));
    m_membersView->setAccessibleName(tr("Members of the selected organisation"));
    m_membersView->setModel(m_members);
    // One organisation's members: the organisation column would repeat its name on every row.
    m_membersView->hideColumn(models::MemberListModel::OrgColumn);
    m_membersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_membersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_membersView->setAlternatingRowColors(true);
    m_membersView->setWordWrap(false);
    m_membersView->setTextElideMode(Qt::ElideRight);
    m_membersView->setShowGrid(false);
    m_membersView->setTabKeyNavigation(false);
    m_membersView->verticalHeader()->hide();
    m_membersView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_membersView->verticalHeader()->setDefaultSectionSize(m_membersView->fontMetrics().height() + 8);
    m_membersView->horizontalHeader()->setHighlightSections(false);
    m_membersView->horizontalHeader()->setStretchLastSection(true);
    m_membersView->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_membersView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(16, 12, 12, 12);
    detailsLayout->setSpacing(8);
    detailsLayout->addLayout(headingRow);
    detailsLayout->addWidget(m_breadcrumb);
    detailsLayout->addSpacing(6);
    detailsLayout->addLayout(m_form);
    detailsLayout->addSpacing(10);
    detailsLayout->addLayout(membersRow);
    detailsLayout->addWidget(m_membersNote);
    detailsLayout->addWidget(m_membersView, 1);
    m_stack->addWidget(details);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_members, &models::MemberListModel::loaded, this, [this] {
        m_membersError.clear();
        setLoadingMembers(false);
        updateMembersState();
        fitMemberColumns();
        Q_EMIT membersLoaded();
    });
    connect(m_members, &models::MemberListModel::loadFailed, this, [this](const QString& message) {
        m_membersError = message;
        setLoadingMembers(false);
        updateMembersState();
    });
    connect(m_members, &QAbstractItemModel::rowsInserted, this, &OrgDetailsPane::updateMembersState);
    m_membersView->viewport()->installEventFilter(this);
    connect(m_members, &QAbstractItemModel::modelReset, this, &OrgDetailsPane::updateMembersState);

    clear();
}

QLabel* OrgDetailsPane::addValueRow(const QString& label)
{
    auto* value = makeValueLabel(this);
    auto* caption = new QLabel(label, this);
    caption->setBuddy(value);
    value->setAccessibleName(QString(label).remove(QLatin1Char(':')));
    m_form->addRow(caption, value);
    return value;
}

void OrgDetailsPane::clearAttributeRows()
{
    while (m_form->rowCount() > m_fixedRows)
        m_form->removeRow(m_form->rowCount() - 1);
}

void OrgDetailsPane::clear()
{
    m_orgId.clear();
    m_membersError.clear();
    setLoadingMembers(false);
    m_stack->setCurrentWidget(m_placeholder);
}

void OrgDetailsPane::setOrg(const core::Org& org)
{
    const QString id = fromStd(org.id);
    m_stack->setCurrentIndex(1);
    m_kindIcon->setPixmap(DisplayNames::orgKindIcon(org.kind).pixmap(32, 32));
    m_heading->setText(fromStd(org.name));

    QStringList names;
    for (const auto& name : org.pathNames)
        names.append(fromStd(name));
    // The breadcrumb shows where the org sits; its own name is already the heading.
    if (!names.isEmpty())
        names.removeLast();
    m_breadcrumb->setText(names.isEmpty() ? tr("Top-level organisation") : names.join(QStringLiteral("  ›  ")));

    const QLocale locale;
    m_kind->setText(DisplayNames::orgKind(org.kind));
    m_status->setText(DisplayNames::orgStatus(org.status));
    m_slug->setText(fromStd(org.slug));
    m_childCount->setText(locale.toString(org.childCount));
    m_memberCount->setText(locale.toString(org.memberCount));

    clearAttributeRows();
    for (const auto& [key, value] : DisplayNames::attributes(org)) {
        auto* label = addValueRow(key + QLatin1Char(':'));
        label->setText(value);
    }

    if (id != m_orgId) {
        m_orgId = id;
        m_membersError.clear();
        setLoadingMembers(true);
        m_members->setOrgId(id);
        if (m_members->canFetchMore({}))
            m_members->fetchMore({});
        updateMembersState();
    }
}

bool OrgDetailsPane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_membersView->viewport() && event->type() == QEvent::Resize)
        fitMemberColumns();
    return QWidget::eventFilter(watched, event);
}

void OrgDetailsPane::fitMemberColumns()
{
    // Columns as wide as their contents, but all of them in view: when they do not fit, the widest ones give
    // way first (a common cap c with sum(min(width, c)) == available), so short columns are never cut.
    const int columns = m_members->columnCount();
    if (columns == 0 || m_members->rowCount() == 0)
        return;
    m_membersView->resizeColumnsToContents();
    QList<int> wanted;
    int total = 0;
    for (int column = 0; column < columns; ++column) {
        const int width = m_membersView->columnWidth(column);
        wanted.append(width);
        total += width;
    }
    const int available = m_membersView->viewport()->width();
    if (total > available) {
        QList<int> sorted = wanted;
        std::sort(sorted.begin(), sorted.end());
        int cap = sorted.last();
        int below = 0; // sum of the columns narrower than the cap
        for (int i = 0; i < sorted.size(); ++i) {
            const int remaining = int(sorted.size()) - i;
            const int candidate = (available - below) / remaining;
            if (candidate <= sorted.at(i)) {
                cap = qMax(candidate, 48);
                break;
            }
            below += sorted.at(i);
        }
        for (int& width : wanted)
            width = qMin(width, cap);
    }
    for (int column = 0; column < columns; ++column)
        m_membersView->setColumnWidth(column, wanted.at(column));
}

void OrgDetailsPane::retryMembers()
{
    if (m_orgId.isEmpty() || m_membersError.isEmpty())
        return;
    m_membersError.clear();
    setLoadingMembers(true);
    m_members->setOrgId(m_orgId);
    updateMembersState();
}

QString OrgDetailsPane::heading() const
{
    return hasOrg() ? m_heading->text() : QString();
}

QString OrgDetailsPane::breadcrumb() const
{
    return hasOrg() ? m_breadcrumb->text() : QString();
}

void OrgDetailsPane::setLoadingMembers(bool loading)
{
    m_membersBusy->setBusy(loading);
    if (loading == m_loadingMembers)
        return;
    m_loadingMembers = loading;
    Q_EMIT busyChanged(loading);
}

void OrgDetailsPane::updateMembersState()
{
    if (!m_membersError.isEmpty()) {
        m_membersNote->setText(tr("The members could not be loaded: %1").arg(m_membersError));
        m_membersNote->show();
    } else if (!m_loadingMembers && m_members->rowCount() == 0) {
        m_membersNote->setText(tr("Nobody belongs to this organisation directly."));
        m_membersNote->show();
    } else {
        m_membersNote->hide();
    }
}

} // namespace trellis::ui
