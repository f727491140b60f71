#include "core/DemoWorld.h"

#include "core/SplitMix64.h"
#include "core/flow/DefaultFlow.h"

#include <array>
#include <set>
#include <string_view>

namespace trellis::core {

namespace {

constexpr std::array<std::string_view, 64> kFirstNames{
    "Anna",    "Ben",    "Clara",  "David", "Elena", "Felix",   "Greta",   "Hannah", "Isaac", "Julia", "Karim",
    "Lena",    "Mateo",  "Nora",   "Oskar", "Priya", "Quentin", "Rosa",    "Samuel", "Tara",  "Umar",  "Vera",
    "William", "Ximena", "Yusuf",  "Zoe",   "Amira", "Bruno",   "Chloe",   "Dmitri", "Emma",  "Farah", "Gustav",
    "Hiro",    "Ines",   "Jonas",  "Kai",   "Leila", "Marta",   "Nils",    "Olga",   "Pablo", "Rahel", "Sven",
    "Tomasz",  "Ulla",   "Viktor", "Wen",   "Yara",  "Aiden",   "Beatriz", "Carlos", "Daria", "Erik",  "Fiona",
    "Georg",   "Helga",  "Ivan",   "Jana",  "Lukas", "Mei",     "Noah",    "Paula",  "Rafael"};

constexpr std::array<std::string_view, 64> kLastNames{
    "Andersen", "Bauer",  "Costa",    "Dubois",    "Eriksson", "Fischer",   "García",   "Hoffmann",
    "Ivanova",  "Jansen", "Kowalski", "Larsen",    "Müller",   "Nakamura",  "Okafor",   "Petrov",
    "Quist",    "Rossi",  "Schmidt",  "Tanaka",    "Urban",    "Vogel",     "Weber",    "Xu",
    "Yilmaz",   "Zimmer", "Albrecht", "Brennan",   "Chen",     "Dekker",    "Engel",    "Ferreira",
    "Gomez",    "Haas",   "Iqbal",    "Jovanović", "Keller",   "Lindqvist", "Moreau",   "Novak",
    "O'Brien",  "Park",   "Richter",  "Santos",    "Schulz",   "Thompson",  "Ulrich",   "Varga",
    "Wagner",   "Young",  "Ziegler",  "Berg",      "Carter",   "Dahl",      "Esposito", "Fontaine",
    "Grünwald", "Horvat", "Kaur",     "Lehmann",   "Martin",   "Nowak",     "Patel",    "Svensson"};

constexpr std::array<std::string_view, 40> kPlaces{
    "Alder",       "Baltic",    "Beacon",   "Birch",     "Cedar",    "Coastal", "Danube",   "Elbe",
    "Fjord",       "Granite",   "Harbor",   "Highland",  "Iron Bay", "Juniper", "Keystone", "Lakeside",
    "Meridian",    "Nordic",    "Oakridge", "Pacific",   "Pinnacle", "Quarry",  "Rhine",    "Riverside",
    "Summit",      "Tidewater", "Upland",   "Valley",    "Westgate", "Willow",  "Zenith",   "Atlas",
    "Bridgewater", "Crescent",  "Delta",    "Evergreen", "Frontier", "Glacier", "Horizon",  "Ironwood"};

struct KindWords
{
    std::array<std::string_view, 6> trades;
    std::array<std::string_view, 4> legal;
    std::array<std::string_view, 5> titles;
};

const KindWords& wordsFor(OrgKind kind)
{
    static const KindWords reseller{
        {"Trading", "Industrial Supply", "Equipment", "Machinery Sales", "Solutions", "Systems"},
        {"GmbH", "Ltd", "AB", "Inc."},
        {"Account Manager", "Sales Engineer", "Inside Sales", "Sales Director", "Order Desk"}};
    static const KindWords distributor{
        {"Distribution", "Wholesale", "Parts Supply", "Components", "Industrial Parts", "Supply Chain"},
        {"GmbH", "B.V.", "S.A.", "Ltd"},
        {"Purchasing Lead", "Warehouse Manager", "Sales Rep", "Category Manager", "Key Account Manager"}};
    static const KindWords customer{
        {"Foods", "Packaging", "Pharma", "Automotive", "Brewing", "Textiles"},
        {"GmbH", "Ltd", "AG", "S.p.A."},
        {"Plant Manager", "Maintenance Lead", "Production Engineer", "Buyer", "Operations Manager"}};
    static const KindWords service{
        {"Field Service", "Technical Services", "Maintenance", "Service & Repair", "Automation Service",
         "Installations"},
        {"GmbH", "Ltd", "ApS", "Oy"},
        {"Service Technician", "Field Engineer", "Dispatcher", "Service Manager", "Commissioning Engineer"}};
    static const KindWords supplier{
        {"Castings", "Electronics", "Hydraulics", "Precision Parts", "Bearings", "Steel"},
        {"GmbH", "Ltd", "Sp. z o.o.", "s.r.o."},
        {"Quality Engineer", "Supplier Manager", "Production Planner", "Sales Manager", "Logistics Coordinator"}};
    static const KindWords logistics{
        {"Logistics", "Freight", "Carriers", "Haulage", "Transport", "Express"},
        {"GmbH", "Ltd", "A/S", "S.A."},
        {"Dispatcher", "Driver Lead", "Fleet Manager", "Customs Specialist", "Route Planner"}};
    static const KindWords it{
        {"IT Services", "Digital", "Cloud Services", "Managed IT", "Systems Integration", "Data Services"},
        {"GmbH", "Ltd", "AB", "Inc."},
        {"Systems Engineer", "Service Desk Lead", "Cloud Architect", "Security Analyst", "Project Manager"}};
    static const KindWords sub{{"Consulting", "Engineering", "Crew", "Works", "Contracting", "Partners"},
                               {"GmbH", "Ltd", "KG", "e.K."},
                               {"Contractor", "Technician", "Consultant", "Specialist", "Site Lead"}};
    static const KindWords manufacturer{
        {"Industrial", "", "", "", "", ""},
        {"", "", "", ""},
        {"Product Manager", "Engineer", "Partner Manager", "Support Specialist", "Controller"}};
    switch (kind) {
    case OrgKind::Manufacturer:
        return manufacturer;
    case OrgKind::Reseller:
        return reseller;
    case OrgKind::Distributor:
        return distributor;
    case OrgKind::Customer:
        return customer;
    case OrgKind::ServicePartner:
        return service;
    case OrgKind::Supplier:
        return supplier;
    case OrgKind::LogisticsProvider:
        return logistics;
    case OrgKind::ItProvider:
        return it;
    case OrgKind::Subcontractor:
        return sub;
    }
    return customer;
}

constexpr std::array<std::string_view, 12> kCountries{"DE", "AT", "CH", "NL", "SE", "DK",
                                                      "PL", "FR", "IT", "GB", "US", "CZ"};
constexpr std::array<std::string_view, 10> kRegions{"North",   "South",   "East",   "West",   "Central",
                                                    "Nordics", "Benelux", "Iberia", "Alpine", "Baltics"};

// ASCII transliteration for e-mail local parts and slugs.
std::string asciiFold(std::string_view text)
{
    static const std::array<std::pair<std::string_view, std::string_view>, 10> kMap{{{"ü", "ue"},
                                                                                     {"ö", "oe"},
                                                                                     {"ä", "ae"},
                                                                                     {"í", "i"},
                                                                                     {"ć", "c"},
                                                                                     {"é", "e"},
                                                                                     {"á", "a"},
                                                                                     {"ß", "ss"},
                                                                                     {"ø", "o"},
                                                                                     {"å", "a"}}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool mapped = false;
        for (const auto& [from, to] : kMap) {
            if (text.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                mapped = true;
                break;
            }
        }
        if (!mapped) {
            const unsigned char c = static_cast<unsigned char>(text[i++]);
            if (c < 128)
                out += char(c);
        }
    }
    return out;
}

std::string slugify(std::string_view name)
{
    std::string slug;
    for (char c : asciiFold(name)) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            slug += c;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    if (slug.size() > 50)
        slug.resize(50);
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug;
}

std::string localPart(std::string_view first, std::string_view last)
{
    std::string out;
    for (char c : asciiFold(std::string(first) + "." + std::string(last))) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.')
            out += c;
    }
    return out;
}

class Builder
{
public:
    explicit Builder(std::uint64_t seed)
        : m_rng(seed)
    {
    }

    std::string addOrg(const std::string& parentSlug, OrgKind kind, std::string name, std::string slug = {},
                       std::string domain = {})
    {
        if (slug.empty())
            slug = uniqueSlug(slugify(name));
        m_slugs.insert(slug);
        if (domain.empty())
            domain = slug + ".example";
        DemoWorld::OrgSpec org;
        org.slug = slug;
        org.parentSlug = parentSlug;
        org.kind = kind;
        org.name = std::move(name);
        org.attributes = {{"domain", domain}, {"country", std::string(m_rng.pick(kCountries))}};
        m_world.orgs.push_back(std::move(org));
        return slug;
    }

    /// A made-up company of that kind ("Birch Technical Services ApS"); its slug and domain leave out the legal
    /// form ("birch-technical-services"), and no two companies share place and trade.
    std::string addCompany(const std::string& parentSlug, OrgKind kind)
    {
        const KindWords& words = wordsFor(kind);
        for (;;) {
            const std::string base = std::string(m_rng.pick(kPlaces)) + " " + std::string(m_rng.pick(words.trades));
            if (!m_names.insert(base).second)
                continue;
            return addOrg(parentSlug, kind, base + " " + std::string(m_rng.pick(words.legal)),
                          uniqueSlug(slugify(base)));
        }
    }

    /// The people whose first membership is at this org, in creation order.
    std::vector<std::string> staffOf(const std::string& orgSlug) const
    {
        std::set<std::string> seen;
        std::vector<std::string> emails;
        for (const auto& m : m_world.memberships) {
            if (seen.insert(m.email).second && m.orgSlug == orgSlug)
                emails.push_back(m.email);
        }
        return emails;
    }

    const DemoWorld::OrgSpec& org(const std::string& slug) const
    {
        for (const auto& o : m_world.orgs) {
            if (o.slug == slug)
                return o;
        }
        return m_world.orgs.front();
    }

    /// A new person whose primary membership is at `orgSlug`; returns the e-mail.
    std::string addPerson(const std::string& orgSlug, std::vector<std::string> roleKeys = {})
    {
        const auto& o = org(orgSlug);
        const std::string domain = o.attributes.value("domain", orgSlug + ".example");
        for (;;) {
            const std::string_view first = m_rng.pick(kFirstNames);
            const std::string_view last = m_rng.pick(kLastNames);
            const std::string displayName = std::string(first) + " " + std::string(last);
            if (!m_displayNames.insert(displayName).second)
                continue;
            std::string email = localPart(first, last) + "@" + domain;
            const std::size_t index = m_world.people.size();
            DemoWorld::PersonSpec person;
            person.email = email;
            person.displayName = displayName;
            // Fixed rhythms (not chance) guarantee the proportions the demo promises for every seed.
            if (index % 7 == 3)
                person.daysSinceLastSignIn = m_rng.between(91, 540);
            else if (index % 11 == 5)
                person.daysSinceLastSignIn = -1;
            else
                person.daysSinceLastSignIn = m_rng.between(0, 60);
            person.disabled = index % 17 == 8;
            m_world.people.push_back(person);
            const auto& titles = wordsFor(o.kind).titles;
            m_world.memberships.push_back({email, orgSlug, std::string(m_rng.pick(titles)), std::move(roleKeys), 0});
            return email;
        }
    }

    void addFixedPerson(const std::string& email, const std::string& displayName, const std::string& orgSlug,
                        const std::string& title, const std::string& roleKey)
    {
        m_displayNames.insert(displayName);
        m_world.people.push_back({email, displayName, false, m_rng.between(0, 2)});
        m_world.memberships.push_back({email, orgSlug, title, {roleKey}, 0});
    }

    /// Staff of an org: `count` people, the first `admins` of them org-admins, the next one a user-manager.
    void staff(const std::string& orgSlug, int count, int admins = 0, bool userManager = false)
    {
        for (int i = 0; i < count; ++i) {
            std::vector<std::string> roles;
            if (i < admins)
                roles.push_back("org-admin");
            else if (i == admins && userManager)
                roles.push_back("user-manager");
            addPerson(orgSlug, std::move(roles));
        }
    }

    /// The same person also working for a second org (one profile, two memberships).
    void secondMembership(const std::string& email, const std::string& orgSlug, const std::string& title,
                          int endsInDays)
    {
        for (const auto& m : m_world.memberships) {
            if (m.email == email && m.orgSlug == orgSlug)
                return;
        }
        m_world.memberships.push_back({email, orgSlug, title, {}, endsInDays});
    }

    SplitMix64& rng() { return m_rng; }
    DemoWorld take() { return std::move(m_world); }
    const DemoWorld& world() const { return m_world; }

    std::string uniqueSlug(const std::string& base)
    {
        std::string slug = base;
        for (int n = 2; m_slugs.count(slug); ++n)
            slug = base + "-" + std::to_string(n);
        return slug;
    }

private:
    SplitMix64 m_rng;
    DemoWorld m_world;
    std::set<std::string> m_slugs;
    std::set<std::string> m_names;
    std::set<std::string> m_displayNames;
};

} // namespace

DemoWorld DemoWorld::generate(std::uint64_t seed)
{
    Builder b(seed);
    auto& rng = b.rng();

    const std::string acme = b.addOrg({}, OrgKind::Manufacturer, "Acme Industrial", "acme", "acme.example");
    b.addFixedPerson(kOwnerEmail, "Helena Brandt", acme, "Head of Partner Platform", "platform-owner");
    b.addFixedPerson(kAuditorEmail, "Marcus Okafor", acme, "Security Auditor", "security-auditor");
    b.staff(acme, 24, 1, true);

    // Resellers and distributors, each with end customers (some with regional subsidiaries and branches)
    // and service partners (with subcontractors, some of which subcontract again).
    std::vector<std::string> channel;
    const std::string northwind =
        b.addOrg(acme, OrgKind::Reseller, "Northwind Trading", "northwind", "northwind.example");
    b.addFixedPerson(kPartnerSuperadminEmail, "Sofia Lindqvist", northwind, "Partner Superadmin", "org-admin");
    b.staff(northwind, 7, 0, true);
    channel.push_back(northwind);
    for (int i = 0; i < 2; ++i) {
        const std::string s = b.addCompany(acme, OrgKind::Reseller);
        b.staff(s, rng.between(4, 7), 1, i == 0);
        channel.push_back(s);
    }
    for (int i = 0; i < 2; ++i) {
        const std::string s = b.addCompany(acme, OrgKind::Distributor);
        b.staff(s, rng.between(4, 7), 1, true);
        channel.push_back(s);
    }

    std::vector<std::string> servicePartners;
    std::vector<std::string> subcontractors;
    for (std::size_t c = 0; c < channel.size(); ++c) {
        const int customers = c == 0 ? 3 : rng.between(1, 3);
        for (int i = 0; i < customers; ++i) {
            const std::string customer = b.addCompany(channel[c], OrgKind::Customer);
            b.staff(customer, rng.between(2, 5), i == 0 ? 1 : 0);
            // The first customers of the first two partners have regional subsidiaries, one with branches.
            if (i == 0 && c < 2) {
                const std::string& parentName = b.org(customer).name;
                const std::string base = parentName.substr(0, parentName.rfind(' '));
                for (int r = 0; r < 2; ++r) {
                    const std::string region =
                        std::string(kRegions[std::size_t((c * 3 + std::size_t(r)) % kRegions.size())]);
                    const std::string subsidiary = b.addOrg(customer, OrgKind::Customer, base + " " + region + " GmbH",
                                                            b.uniqueSlug(slugify(base + " " + region)));
                    b.staff(subsidiary, rng.between(2, 4), r == 0 ? 1 : 0);
                    if (r == 0) {
                        const std::string branch =
                            b.addOrg(subsidiary, OrgKind::Customer,
                                     base + " " + region + " – " + std::string(rng.pick(kPlaces)) + " Plant");
                        b.staff(branch, rng.between(2, 3));
                        if (c == 0) {
                            const std::string line =
                                b.addOrg(branch, OrgKind::Customer, b.org(branch).name + " Line 2");
                            b.staff(line, 2);
                        }
                    }
                }
            }
        }
        const int partners = c == 0 ? 2 : rng.between(1, 2);
        for (int i = 0; i < partners; ++i) {
            const std::string partner = b.addCompany(channel[c], OrgKind::ServicePartner);
            b.staff(partner, rng.between(3, 5), 1, i == 0);
            servicePartners.push_back(partner);
            if (i == 0) {
                const std::string sub = b.addCompany(partner, OrgKind::Subcontractor);
                b.staff(sub, rng.between(2, 4), c == 0 ? 1 : 0);
                subcontractors.push_back(sub);
                if (c == 0) {
                    const std::string subsub = b.addCompany(sub, OrgKind::Subcontractor);
                    b.staff(subsub, 2);
                    subcontractors.push_back(subsub);
                }
            }
        }
    }

    // Suppliers of the manufacturer, one with its own subcontractor.
    for (int i = 0; i < 3; ++i) {
        const std::string s = b.addCompany(acme, OrgKind::Supplier);
        b.staff(s, rng.between(3, 5), 1, i == 0);
        if (i == 0) {
            const std::string sub = b.addCompany(s, OrgKind::Subcontractor);
            b.staff(sub, 2);
            subcontractors.push_back(sub);
        }
    }

    // A logistics provider with sub-carriers, one of which hires an owner-driver subcontractor.
    const std::string logistics = b.addCompany(acme, OrgKind::LogisticsProvider);
    b.staff(logistics, 5, 1, true);
    for (int i = 0; i < 3; ++i) {
        const std::string carrier = b.addCompany(logistics, OrgKind::LogisticsProvider);
        b.staff(carrier, rng.between(2, 4), i == 0 ? 1 : 0);
        if (i == 0) {
            const std::string sub = b.addCompany(carrier, OrgKind::Subcontractor);
            b.staff(sub, 2);
            subcontractors.push_back(sub);
        }
    }

    // An IT service provider with subcontractors.
    const std::string itProvider = b.addCompany(acme, OrgKind::ItProvider);
    b.staff(itProvider, 6, 1, true);
    for (int i = 0; i < 3; ++i) {
        const std::string sub = b.addCompany(itProvider, OrgKind::Subcontractor);
        b.staff(sub, rng.between(2, 4), i == 0 ? 1 : 0);
        subcontractors.push_back(sub);
    }

    // Top up to at least 200 people across the partner orgs.
    const auto& orgs = b.world().orgs;
    for (std::size_t i = 0; b.world().people.size() < 210; ++i)
        b.addPerson(orgs[(i * 7 + 1) % orgs.size()].slug);

    // B2B2X: people of subcontractors also work, for a limited time, for the org that hired their company or for
    // the manufacturer itself (same person, one profile, two memberships); some of the manufacturer's engineers
    // are also members of the service partners they coordinate.
    for (std::size_t i = 0; i < subcontractors.size(); ++i) {
        const auto people = b.staffOf(subcontractors[i]);
        const std::string hiring = b.org(subcontractors[i]).parentSlug;
        for (std::size_t k = 0; k < people.size() && k < 2; ++k) {
            const std::string& target = (i + k) % 3 == 2 ? acme : hiring;
            b.secondMembership(people[k], target, "External Contractor", rng.between(5, 90));
        }
    }
    const auto acmeStaff = b.staffOf(acme);
    for (std::size_t i = 0; i < 4 && i < servicePartners.size(); ++i)
        b.secondMembership(acmeStaff[4 + i], servicePartners[i], "Partner Liaison Engineer", 0);

    DemoWorld world = b.take();
    // The journey `trellisd --demo` runs: the built-in one (password, then the authenticator code for people who set
    // one up), as a designed flow owned by the root and bound there for every application, so the designer opens on
    // what the hosted login really runs. Not a starter template: the documented demo accounts sign in with password
    // and authenticator code everywhere (README, tests); the templates are offered when a flow is created.
    core::flow::FlowDocument standard = core::flow::defaultFlow();
    standard.name = "Standard sign-in";
    world.flows.push_back({acme,
                           "Standard sign-in",
                           "Email, password, then the authenticator code for everyone who has set one up.",
                           standard.toJson(),
                           "Initial journey for the demo world",
                           {acme}});
    return world;
}

} // namespace trellis::core
