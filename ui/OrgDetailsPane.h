#pragma once

#include "core/Org.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QTableView;

namespace trellis::models {
class MemberListModel;
}

namespace trellis::ui {

class BusyIndicator;

/// The right-hand side of the organisation section: what the selected organisation is, where it sits,
/// and who belongs to it.
class OrgDetailsPane : public QWidget
{
    Q_OBJECT
public:
    OrgDetailsPane(models::MemberListModel* members, QWidget* parent = nullptr);

    /// Shows `org` and starts loading its members.
    void setOrg(const core::Org& org);
    void clear();
    /// Loads the members again if that failed (for example while the server could not be reached).
    void retryMembers();
    bool hasOrg() const { return !m_orgId.isEmpty(); }
    QString orgId() const { return m_orgId; }

    bool isLoadingMembers() const { return m_loadingMembers; }
    QString heading() const;
    QString breadcrumb() const;
    QTableView* membersView() const { return m_membersView; }

Q_SIGNALS:
    void membersLoaded();
    void busyChanged(bool busy);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitMemberColumns();
    void setLoadingMembers(bool loading);
    void updateMembersState();
    QLabel* addValueRow(const QString& label);
    void clearAttributeRows();

    models::MemberListModel* m_members = nullptr;
    QString m_orgId;
    bool m_loadingMembers = false;
    QString m_membersError;

    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QLabel* m_kindIcon = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_breadcrumb = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_kind = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_slug = nullptr;
    QLabel* m_childCount = nullptr;
    QLabel* m_memberCount = nullptr;
    int m_fixedRows = 0;
    QLabel* m_membersHeading = nullptr;
    BusyIndicator* m_membersBusy = nullptr;
    QLabel* m_membersNote = nullptr;
    QTableView* m_membersView = nullptr;
};

} // namespace trellis::ui
