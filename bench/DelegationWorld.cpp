#include "bench/DelegationWorld.h"

#include "core/AuditEvent.h"
#include "core/OrgKind.h"
#include "core/OrgPath.h"
#include "core/TimeFormat.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <random>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include <QSqlQuery>
#include <QStringList>

namespace trellis::bench {

using server::Database;
using server::SqlDialect;
namespace sql = server::sql;

namespace {

using Rng = std::mt19937_64;
using Days = std::chrono::duration<double, std::ratio<86400>>;

constexpr int kMaxDepth = 8;
constexpr int kRowsPerTransaction = 100000;
constexpr int kRowsPerStatement = 200;

// Vocabulary: enough variety that a name search finds tens to thousands of orgs, as in a real partner network.
const std::vector<const char*> kPrefixes = {
    "Alpine",   "Baltic",    "Cedar",      "Delta",       "Evergreen", "Falcon",    "Granite",   "Harbour",
    "Iris",     "Juniper",   "Keystone",   "Lakeside",    "Meridian",  "Northgate", "Oakridge",  "Pioneer",
    "Quarry",   "Riverside", "Summit",     "Tidewater",   "Unity",     "Vertex",    "Westbrook", "Yellowpine",
    "Zenith",   "Aurora",    "Bluebell",   "Cobalt",      "Driftwood", "Ember",     "Fjord",     "Glacier",
    "Highland", "Ironwood",  "Jade",       "Kestrel",     "Lumen",     "Maple",     "Nimbus",    "Orchard",
    "Prairie",  "Quantum",   "Redwood",    "Silverline",  "Thornbury", "Upland",    "Valley",    "Willow",
    "Amber",    "Birch",     "Copper",     "Dune",        "Elm",       "Fern",      "Golden",    "Hawthorn",
    "Indigo",   "Jasper",    "Kingfisher", "Linden",      "Mistral",   "Nordic",    "Olive",     "Pinnacle",
    "Rowan",    "Sapphire",  "Tundra",     "Ultramarine", "Vista",     "Wren",      "Ashford",   "Brightwater",
    "Crescent", "Dover",     "Eastfield",  "Foxglove",    "Greystone", "Heron",     "Isar",      "Rhein",
    "Elbe",     "Donau"};
const std::vector<const char*> kCores = {
    "Dental",    "Robotics",    "Logistics",    "Bakery",       "Foods",      "Energy",     "Textiles",   "Pharma",
    "Analytics", "Machining",   "Optics",       "Packaging",    "Hydraulics", "Furniture",  "Brewing",    "Printing",
    "Telecom",   "Security",    "Software",     "Medical",      "Solar",      "Plastics",   "Timber",     "Steel",
    "Marine",    "Aviation",    "Catering",     "Cleaning",     "Consulting", "Insurance",  "Finance",    "Legal",
    "Vision",    "Acoustics",   "Ceramics",     "Chemicals",    "Dairy",      "Electrics",  "Fasteners",  "Glassworks",
    "Heating",   "Imaging",     "Kitchens",     "Laboratories", "Motors",     "Networks",   "Outfitters", "Pumps",
    "Recycling", "Sensors",     "Tools",        "Veterinary",   "Wellness",   "Automation", "Biotech",    "Cargo",
    "Devices",   "Engineering", "Freight",      "Garden",       "Hotels",     "Interiors",  "Joinery",    "Lighting",
    "Mining",    "Nursing",     "Orthopaedics", "Paints",       "Railways",   "Signals",    "Tyres",      "Uniforms",
    "Valves",    "Water",       "Windows",      "Ärzte",        "Bäckerei",   "Müllerei"};
const std::vector<const char*> kLegalForms = {"GmbH", "Ltd", "AG",     "BV",  "SAS", "Inc.",
                                              "Oy",   "AB",  "S.p.A.", "LLC", "KG",  "Sp. z o.o."};
const std::vector<const char*> kCities = {
    "Hamburg",  "München",  "Köln",    "Frankfurt", "Stuttgart", "Leipzig",  "Dresden",   "Bremen",    "Hannover",
    "Nürnberg", "Wien",     "Graz",    "Zürich",    "Basel",     "Bern",     "Amsterdam", "Rotterdam", "Utrecht",
    "Antwerp",  "Brussels", "Lyon",    "Lille",     "Paris",     "Toulouse", "Milano",    "Torino",    "Bologna",
    "Madrid",   "Valencia", "Porto",   "Lisbon",    "Dublin",    "Cork",     "Leeds",     "Bristol",   "Glasgow",
    "Oslo",     "Bergen",   "Malmö",   "Göteborg",  "Aarhus",    "Odense",   "Tampere",   "Turku",     "Kraków",
    "Gdańsk",   "Brno",     "Ostrava", "Ljubljana", "Zagreb"};
const std::vector<const char*> kDepartments = {
    "Finance", "Procurement", "Operations", "Field Service", "Sales",      "Research",  "Production", "Warehouse",
    "IT",      "HR",          "Quality",    "Customer Care", "Facilities", "Marketing", "Legal"};

struct Name
{
    const char* display;
    const char* ascii; ///< for e-mail addresses
};
const std::vector<Name> kFirstNames = {{"Anna", "anna"},       {"Jonas", "jonas"},   {"Lena", "lena"},
                                       {"Lukas", "lukas"},     {"Sophie", "sophie"}, {"Leon", "leon"},
                                       {"Marie", "marie"},     {"Paul", "paul"},     {"Emma", "emma"},
                                       {"Felix", "felix"},     {"Hannah", "hannah"}, {"Maximilian", "maximilian"},
                                       {"Mia", "mia"},         {"Elias", "elias"},   {"Lea", "lea"},
                                       {"Noah", "noah"},       {"Clara", "clara"},   {"Finn", "finn"},
                                       {"Johanna", "johanna"}, {"Ben", "ben"},       {"Olivia", "olivia"},
                                       {"Liam", "liam"},       {"Amelia", "amelia"}, {"Oliver", "oliver"},
                                       {"Isla", "isla"},       {"George", "george"}, {"Ava", "ava"},
                                       {"Harry", "harry"},     {"Grace", "grace"},   {"Jack", "jack"},
                                       {"Chloé", "chloe"},     {"Louis", "louis"},   {"Camille", "camille"},
                                       {"Hugo", "hugo"},       {"Léa", "lea"},       {"Jules", "jules"},
                                       {"Giulia", "giulia"},   {"Marco", "marco"},   {"Francesca", "francesca"},
                                       {"Luca", "luca"},       {"Sofia", "sofia"},   {"Matteo", "matteo"},
                                       {"Lucía", "lucia"},     {"Pablo", "pablo"},   {"Carmen", "carmen"},
                                       {"Javier", "javier"},   {"Inês", "ines"},     {"João", "joao"},
                                       {"Sanne", "sanne"},     {"Daan", "daan"},     {"Fleur", "fleur"},
                                       {"Bram", "bram"},       {"Ingrid", "ingrid"}, {"Lars", "lars"},
                                       {"Astrid", "astrid"},   {"Nils", "nils"},     {"Freja", "freja"},
                                       {"Mads", "mads"},       {"Aino", "aino"},     {"Eero", "eero"},
                                       {"Zofia", "zofia"},     {"Łukasz", "lukasz"}, {"Katarzyna", "katarzyna"},
                                       {"Tomasz", "tomasz"},   {"Tereza", "tereza"}, {"Jakub", "jakub"},
                                       {"Ana", "ana"},         {"Luka", "luka"},     {"Aisha", "aisha"},
                                       {"Omar", "omar"},       {"Fatma", "fatma"},   {"Emre", "emre"},
                                       {"Priya", "priya"},     {"Arjun", "arjun"},   {"Mei", "mei"},
                                       {"Wei", "wei"},         {"Yuki", "yuki"},     {"Kenji", "kenji"},
                                       {"Amara", "amara"},     {"Kwame", "kwame"},   {"Nora", "nora"},
                                       {"Erik", "erik"},       {"Helena", "helena"}, {"Tobias", "tobias"},
                                       {"Miriam", "miriam"},   {"David", "david"},   {"Sarah", "sarah"},
                                       {"Daniel", "daniel"},   {"Laura", "laura"},   {"Michael", "michael"},
                                       {"Julia", "julia"},     {"Thomas", "thomas"}, {"Katharina", "katharina"},
                                       {"Stefan", "stefan"},   {"Sabine", "sabine"}, {"Andreas", "andreas"},
                                       {"Petra", "petra"},     {"Markus", "markus"}, {"Claudia", "claudia"},
                                       {"Jürgen", "juergen"},  {"Birgit", "birgit"}, {"Ralf", "ralf"},
                                       {"Ursula", "ursula"},   {"Dieter", "dieter"}};
const std::vector<Name> kLastNames = {{"Müller", "mueller"},
                                      {"Schmidt", "schmidt"},
                                      {"Schneider", "schneider"},
                                      {"Fischer", "fischer"},
                                      {"Weber", "weber"},
                                      {"Meyer", "meyer"},
                                      {"Wagner", "wagner"},
                                      {"Becker", "becker"},
                                      {"Schulz", "schulz"},
                                      {"Hoffmann", "hoffmann"},
                                      {"Schäfer", "schaefer"},
                                      {"Koch", "koch"},
                                      {"Bauer", "bauer"},
                                      {"Richter", "richter"},
                                      {"Klein", "klein"},
                                      {"Wolf", "wolf"},
                                      {"Schröder", "schroeder"},
                                      {"Neumann", "neumann"},
                                      {"Schwarz", "schwarz"},
                                      {"Zimmermann", "zimmermann"},
                                      {"Braun", "braun"},
                                      {"Krüger", "krueger"},
                                      {"Hofmann", "hofmann"},
                                      {"Hartmann", "hartmann"},
                                      {"Lange", "lange"},
                                      {"Werner", "werner"},
                                      {"Krause", "krause"},
                                      {"Lehmann", "lehmann"},
                                      {"Köhler", "koehler"},
                                      {"Huber", "huber"},
                                      {"Gruber", "gruber"},
                                      {"Steiner", "steiner"},
                                      {"Smith", "smith"},
                                      {"Jones", "jones"},
                                      {"Taylor", "taylor"},
                                      {"Brown", "brown"},
                                      {"Williams", "williams"},
                                      {"Wilson", "wilson"},
                                      {"Johnson", "johnson"},
                                      {"Davies", "davies"},
                                      {"Robinson", "robinson"},
                                      {"Wright", "wright"},
                                      {"Thompson", "thompson"},
                                      {"Evans", "evans"},
                                      {"Walker", "walker"},
                                      {"White", "white"},
                                      {"Roberts", "roberts"},
                                      {"Green", "green"},
                                      {"Hall", "hall"},
                                      {"Wood", "wood"},
                                      {"Jackson", "jackson"},
                                      {"Clarke", "clarke"},
                                      {"Martin", "martin"},
                                      {"Bernard", "bernard"},
                                      {"Dubois", "dubois"},
                                      {"Thomas", "thomas"},
                                      {"Robert", "robert"},
                                      {"Richard", "richard"},
                                      {"Petit", "petit"},
                                      {"Durand", "durand"},
                                      {"Leroy", "leroy"},
                                      {"Moreau", "moreau"},
                                      {"Lefèvre", "lefevre"},
                                      {"Girard", "girard"},
                                      {"Rossi", "rossi"},
                                      {"Russo", "russo"},
                                      {"Ferrari", "ferrari"},
                                      {"Esposito", "esposito"},
                                      {"Bianchi", "bianchi"},
                                      {"Romano", "romano"},
                                      {"Colombo", "colombo"},
                                      {"Ricci", "ricci"},
                                      {"García", "garcia"},
                                      {"Fernández", "fernandez"},
                                      {"González", "gonzalez"},
                                      {"Rodríguez", "rodriguez"},
                                      {"López", "lopez"},
                                      {"Martínez", "martinez"},
                                      {"Sánchez", "sanchez"},
                                      {"Pérez", "perez"},
                                      {"Silva", "silva"},
                                      {"Santos", "santos"},
                                      {"Ferreira", "ferreira"},
                                      {"Oliveira", "oliveira"},
                                      {"de Jong", "dejong"},
                                      {"Jansen", "jansen"},
                                      {"de Vries", "devries"},
                                      {"van Dijk", "vandijk"},
                                      {"Bakker", "bakker"},
                                      {"Visser", "visser"},
                                      {"Smit", "smit"},
                                      {"Meijer", "meijer"},
                                      {"Hansen", "hansen"},
                                      {"Johansson", "johansson"},
                                      {"Andersson", "andersson"},
                                      {"Nilsson", "nilsson"},
                                      {"Larsen", "larsen"},
                                      {"Pedersen", "pedersen"},
                                      {"Korhonen", "korhonen"},
                                      {"Virtanen", "virtanen"},
                                      {"Nowak", "nowak"},
                                      {"Kowalski", "kowalski"},
                                      {"Wiśniewski", "wisniewski"},
                                      {"Wójcik", "wojcik"},
                                      {"Novák", "novak"},
                                      {"Svoboda", "svoboda"},
                                      {"Horváth", "horvath"},
                                      {"Kovač", "kovac"},
                                      {"Yılmaz", "yilmaz"},
                                      {"Kaya", "kaya"},
                                      {"Demir", "demir"},
                                      {"Şahin", "sahin"},
                                      {"Patel", "patel"},
                                      {"Sharma", "sharma"},
                                      {"Wang", "wang"},
                                      {"Li", "li"},
                                      {"Zhang", "zhang"},
                                      {"Chen", "chen"},
                                      {"Tanaka", "tanaka"},
                                      {"Suzuki", "suzuki"},
                                      {"Mensah", "mensah"},
                                      {"Okafor", "okafor"},
                                      {"Nguyen", "nguyen"},
                                      {"Kim", "kim"},
                                      {"Park", "park"},
                                      {"Ivanova", "ivanova"},
                                      {"Popescu", "popescu"},
                                      {"Papadopoulos", "papadopoulos"},
                                      {"O'Brien", "obrien"},
                                      {"Murphy", "murphy"},
                                      {"Kelly", "kelly"},
                                      {"Byrne", "byrne"}};
const std::vector<const char*> kTitles = {"",           "",          "",         "Engineer",  "Account Manager",
                                          "Technician", "Buyer",     "Analyst",  "Team Lead", "Consultant",
                                          "Accountant", "Developer", "Director", "Assistant", "Service Agent"};

double uniform(Rng& rng)
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}
int uniformInt(Rng& rng, int low, int high) // inclusive
{
    return std::uniform_int_distribution<int>(low, high)(rng);
}
template <typename T>
const T& pick(Rng& rng, const std::vector<T>& items)
{
    return items[std::size_t(uniformInt(rng, 0, int(items.size()) - 1))];
}

/// A version-4 UUID from the seeded generator (the server makes random ones; the format is what matters).
std::string uuid(Rng& rng)
{
    static const char* hex = "0123456789abcdef";
    std::string digits;
    for (int part = 0; part < 2; ++part) {
        std::uint64_t bits = rng();
        for (int i = 0; i < 16; ++i, bits >>= 4)
            digits += hex[bits & 0xF];
    }
    digits[12] = '4';
    digits[16] = "89ab"[digits[17] % 4];
    return digits.substr(0, 8) + '-' + digits.substr(8, 4) + '-' + digits.substr(12, 4) + '-' + digits.substr(16, 4) +
           '-' + digits.substr(20);
}

std::string base36(int n)
{
    std::string text;
    do {
        text.insert(text.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[n % 36]);
        n /= 36;
    } while (n > 0);
    return text;
}

/// Lower-case ASCII letters and digits with single '-' between words (non-ASCII letters are left out).
std::string slugify(const std::string& name)
{
    std::string slug;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 128)
            slug += char(std::tolower(u));
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug.substr(0, 48);
}

struct OrgSpec
{
    int parent = -1;
    int depth = 0;
    core::OrgKind kind = core::OrgKind::Customer;
    std::string id;
    std::string base; ///< "<prefix> <core>", reused by departments and subsidiaries
    std::string name;
    std::string slug;
    std::string path;
};

struct FixedChild
{
    int budget;
    core::OrgKind kind;
    std::string name;
    std::string slug;
    std::vector<FixedChild> children;
};

/// The largest subtree an org at this depth may head, so that no org ends up deeper than kMaxDepth.
int capacity(int depth)
{
    static const std::array<int, kMaxDepth + 1> caps = {1 << 30, 1 << 30, 1 << 30, 1 << 30, 1 << 30,
                                                        62461,   1041,    26,      1};
    return caps[std::size_t(std::min(depth, kMaxDepth))];
}

class TreeBuilder
{
public:
    TreeBuilder(Rng& rng, std::vector<OrgSpec>& orgs)
        : m_rng(rng)
        , m_orgs(orgs)
    {
    }

    int addRoot(const std::string& name, const std::string& slug)
    {
        OrgSpec root;
        root.kind = core::OrgKind::Manufacturer;
        root.id = uuid(m_rng);
        root.base = name;
        root.name = name;
        root.slug = slug;
        root.path = core::OrgPath::make({root.id});
        m_orgs.push_back(std::move(root));
        return int(m_orgs.size()) - 1;
    }

    /// Gives org `self` a subtree of exactly `budget` orgs (itself included): the fixed children first, the rest
    /// split over a skewed number of children with heavy-tailed shares (a few big partners, many small ones).
    void grow(int self, int budget, const std::vector<FixedChild>& fixed = {})
    {
        int remaining = budget - 1;
        const int depth = m_orgs[std::size_t(self)].depth;
        for (const auto& f : fixed) {
            const int child = addChild(self, f.kind, f.name, f.slug);
            grow(child, f.budget, f.children);
            remaining -= f.budget;
        }
        if (remaining <= 0)
            return;
        if (depth >= kMaxDepth)
            throw std::logic_error("org tree generator exceeded the maximum depth");
        const int cap = capacity(depth + 1);
        const int needed = int((static_cast<long long>(remaining) + cap - 1) / cap);
        int count = depth == 0 ? 38 : int(std::lround(std::pow(remaining, 0.55) * (0.6 + 0.8 * uniform(m_rng))));
        count = std::clamp(count, std::max(1, needed), remaining);

        std::vector<double> weights(static_cast<std::size_t>(count));
        double total = 0;
        for (double& w : weights) {
            w = std::pow(1.0 - uniform(m_rng), -1.0 / 1.1); // Pareto, alpha 1.1
            total += w;
        }
        std::vector<int> shares(static_cast<std::size_t>(count));
        long long assigned = 0;
        for (std::size_t i = 0; i < shares.size(); ++i) {
            shares[i] = std::clamp(int(double(remaining) * weights[i] / total), 1, cap);
            assigned += shares[i];
        }
        // Rounding and the caps leave a difference: hand it out (or take it back) without breaking 1..cap.
        std::vector<std::size_t> order(shares.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return weights[a] > weights[b]; });
        long long difference = remaining - assigned;
        while (difference != 0) {
            for (const std::size_t i : order) {
                if (difference > 0 && shares[i] < cap) {
                    const int add = int(std::min<long long>(difference, cap - shares[i]));
                    shares[i] += add;
                    difference -= add;
                } else if (difference < 0 && shares[i] > 1) {
                    const int take = int(std::min<long long>(-difference, shares[i] - 1));
                    shares[i] -= take;
                    difference += take;
                }
                if (difference == 0)
                    break;
            }
        }
        for (const int share : shares) {
            const auto [kind, name] = describe(self, depth + 1, share);
            const int child = addChild(self, kind, name, {});
            grow(child, share);
        }
    }

private:
    int addChild(int parent, core::OrgKind kind, const std::string& name, const std::string& slug)
    {
        OrgSpec org;
        org.parent = parent;
        org.depth = m_orgs[std::size_t(parent)].depth + 1;
        org.kind = kind;
        org.id = uuid(m_rng);
        org.name = name;
        org.base = m_lastBase.empty() ? name : m_lastBase;
        m_lastBase.clear();
        org.slug = slug.empty() ? slugify(name) + '-' + base36(int(m_orgs.size())) : slug;
        org.path = core::OrgPath::child(m_orgs[std::size_t(parent)].path, org.id);
        m_orgs.push_back(std::move(org));
        return int(m_orgs.size()) - 1;
    }

    /// Kind and name of a new child at `depth` heading `budget` orgs.
    std::pair<core::OrgKind, std::string> describe(int parent, int depth, int budget)
    {
        const OrgSpec& up = m_orgs[std::size_t(parent)];
        const std::string base = std::string(pick(m_rng, kPrefixes)) + ' ' + pick(m_rng, kCores);
        m_lastBase = base;
        if (depth == 1 && budget >= 200)
            return {core::OrgKind::Distributor, base + " Distribution"};
        if (depth <= 3 && budget >= 30) {
            static const std::vector<const char*> suffixes = {"Partners", "Solutions", "Systems", "Group"};
            return {core::OrgKind::Reseller, base + ' ' + pick(m_rng, suffixes)};
        }
        // Inside a customer: its subsidiaries, sites and departments.
        if (up.kind == core::OrgKind::Customer && depth >= 3) {
            m_lastBase = up.base;
            const bool site = uniform(m_rng) < 0.5;
            return {core::OrgKind::Customer, up.base + ' ' + (site ? pick(m_rng, kCities) : pick(m_rng, kDepartments))};
        }
        const double r = uniform(m_rng);
        const core::OrgKind kind = r < 0.72   ? core::OrgKind::Customer
                                   : r < 0.81 ? core::OrgKind::ServicePartner
                                   : r < 0.89 ? core::OrgKind::Subcontractor
                                   : r < 0.95 ? core::OrgKind::Supplier
                                   : r < 0.98 ? core::OrgKind::ItProvider
                                              : core::OrgKind::LogisticsProvider;
        std::string name = base + ' ' + pick(m_rng, kLegalForms);
        if (uniform(m_rng) < 0.3)
            name = base + ' ' + pick(m_rng, kCities) + ' ' + pick(m_rng, kLegalForms);
        return {kind, name};
    }

    Rng& m_rng;
    std::vector<OrgSpec>& m_orgs;
    std::string m_lastBase;
};

/// Multi-row INSERTs of `rowsPerStatement` rows through one prepared statement (a shorter one for the tail).
class BulkInsert
{
public:
    BulkInsert(const Database& db, const QString& table, const QStringList& columns)
        : m_db(db)
        , m_table(table)
        , m_columns(columns)
    {
        m_values.reserve(qsizetype(kRowsPerStatement) * columns.size());
    }

    void add(const QVariantList& row)
    {
        m_values += row;
        if (++m_pendingRows == kRowsPerStatement)
            flush();
    }

    /// Writes what is pending; call before the transaction commits.
    void flush()
    {
        if (m_pendingRows == 0)
            return;
        std::optional<QSqlQuery> tail;
        QSqlQuery* query = nullptr;
        if (m_pendingRows == kRowsPerStatement) {
            if (!m_full)
                m_full = sql::prepare(m_db, statement(kRowsPerStatement));
            query = &*m_full;
        } else {
            tail = sql::prepare(m_db, statement(m_pendingRows));
            query = &*tail;
        }
        for (qsizetype i = 0; i < m_values.size(); ++i)
            query->bindValue(int(i), m_values[i]);
        sql::run(*query, "bulk insert failed");
        query->finish();
        m_written += m_pendingRows;
        m_pendingRows = 0;
        m_values.clear();
    }

    long long written() const { return m_written; }

private:
    QString statement(int rows) const
    {
        QStringList marks;
        for (qsizetype i = 0; i < m_columns.size(); ++i)
            marks << QStringLiteral("?");
        const QString one = u'(' + marks.join(u',') + u')';
        QStringList all;
        for (int i = 0; i < rows; ++i)
            all << one;
        return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
            .arg(m_table, m_columns.join(QStringLiteral(", ")), all.join(u','));
    }

    const Database& m_db;
    QString m_table;
    QStringList m_columns;
    QVariantList m_values;
    std::optional<QSqlQuery> m_full;
    int m_pendingRows = 0;
    long long m_written = 0;
};

/// Calls `row(i)` for i in [0, count) in transactions of kRowsPerTransaction rows each.
template <typename RowFunction>
void inTransactions(const Database& db, BulkInsert& insert, long long count, const RowFunction& row)
{
    for (long long start = 0; start < count; start += kRowsPerTransaction) {
        db.transaction([&] {
            for (long long i = start; i < std::min(count, start + kRowsPerTransaction); ++i)
                row(i);
            insert.flush();
        });
    }
}

QVariant text(const std::string& value)
{
    return QString::fromStdString(value);
}

class Progress
{
public:
    void step(const char* what, long long rows)
    {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
        std::fprintf(stderr, "  %7.1f s  %s: %lld\n", seconds, what, rows);
    }

private:
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

} // namespace

void DelegationWorld::generate(const Database& db) const
{
    {
        QSqlQuery count = sql::prepare(db, QStringLiteral("SELECT COUNT(*) FROM orgs"));
        sql::run(count, "counting organisations failed");
        if (count.next() && count.value(0).toLongLong() > 0)
            throw std::runtime_error("the database is not empty; generate into a new one");
    }
    // Bulk loading: SQLite without a rollback journal or syncs (a crash means generating again), PostgreSQL without
    // waiting for each commit. The server's own settings come back at the end.
    if (db.dialect() == SqlDialect::Sqlite) {
        for (const char* pragma :
             {"PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", "PRAGMA cache_size = -262144"})
            sql::runDirect(db, QString::fromLatin1(pragma), "preparing SQLite for bulk loading failed");
    } else {
        sql::runDirect(db, QStringLiteral("SET synchronous_commit = off"),
                       "preparing PostgreSQL for bulk loading failed");
    }
    Progress progress;
    Rng rng(m_size.seed);
    // A fixed "now" keeps the data identical for a given seed; the server compares with its real clock.
    const auto reference = *core::parseTimestamp("2026-11-23T00:00:00Z");
    const auto daysAgo = [&](double days) {
        return core::formatTimestamp(reference - std::chrono::duration_cast<std::chrono::seconds>(Days(days)));
    };

    // ---- Organisations ------------------------------------------------------------------------------------------
    std::vector<OrgSpec> orgs;
    orgs.reserve(std::size_t(m_size.orgs));
    TreeBuilder tree(rng, orgs);
    const int root = tree.addRoot("Northwind Platform", WorldLandmarks::kRootSlug);
    const int moving = std::min(WorldLandmarks::kMovingOrgs, m_size.orgs / 10);
    const int reseller = std::min(WorldLandmarks::kResellerOrgs, m_size.orgs / 25);
    const int home = std::max(moving + reseller + 1, m_size.orgs * 3 / 10);
    const int other = std::max(2, m_size.orgs * 12 / 100);
    if (home + other + 1 > m_size.orgs)
        throw std::runtime_error("too few organisations for the benchmark's landmarks");
    tree.grow(
        root, m_size.orgs,
        {{home,
          core::OrgKind::Distributor,
          "Helix Components Distribution",
          WorldLandmarks::kHomeDistributorSlug,
          {{moving, core::OrgKind::Reseller, "Orbit Systems Partners", WorldLandmarks::kMovingSlug, {}},
           {reseller, core::OrgKind::Reseller, "Lindqvist IT Solutions", WorldLandmarks::kResellerSlug, {}}}},
         {other, core::OrgKind::Distributor, "Cascade Trade Distribution", WorldLandmarks::kOtherDistributorSlug, {}}});
    std::vector<double> orgAge(orgs.size());
    for (auto& age : orgAge)
        age = 30 + 2000 * uniform(rng);
    {
        BulkInsert insert(db, QStringLiteral("orgs"),
                          {QStringLiteral("id"), QStringLiteral("parent_id"), QStringLiteral("kind"),
                           QStringLiteral("name"), QStringLiteral("name_key"), QStringLiteral("slug"),
                           QStringLiteral("status"), QStringLiteral("path"), QStringLiteral("depth"),
                           QStringLiteral("attributes"), QStringLiteral("created_at"), QStringLiteral("updated_at")});
        inTransactions(db, insert, (long long)orgs.size(), [&](long long i) {
            const OrgSpec& o = orgs[std::size_t(i)];
            const std::string created = daysAgo(orgAge[std::size_t(i)]);
            insert.add({text(o.id), o.parent < 0 ? sql::nullable({}) : text(orgs[std::size_t(o.parent)].id),
                        text(std::string(core::toString(o.kind))), text(o.name), text(sql::foldKey(o.name)),
                        text(o.slug), QStringLiteral("active"), text(o.path), o.depth, QStringLiteral("{}"),
                        text(created), text(created)});
        });
        int deepest = 0;
        for (const auto& o : orgs)
            deepest = std::max(deepest, o.depth);
        progress.step(qPrintable(QStringLiteral("organisations (deepest at depth %1)").arg(deepest)), insert.written());
    }

    // ---- People and memberships ---------------------------------------------------------------------------------
    // Home organisation by weight: distributors and resellers employ more people than a small customer does.
    std::vector<double> orgWeights(orgs.size());
    std::lognormal_distribution<double> spread(0.0, 1.0);
    for (std::size_t i = 0; i < orgs.size(); ++i) {
        double kindFactor = 1.0;
        switch (orgs[i].kind) {
        case core::OrgKind::Manufacturer:
            kindFactor = 200;
            break;
        case core::OrgKind::Distributor:
            kindFactor = 15;
            break;
        case core::OrgKind::Reseller:
            kindFactor = 5;
            break;
        case core::OrgKind::ItProvider:
            kindFactor = 3;
            break;
        case core::OrgKind::ServicePartner:
        case core::OrgKind::Supplier:
        case core::OrgKind::LogisticsProvider:
            kindFactor = 2;
            break;
        default:
            break;
        }
        orgWeights[i] = kindFactor * spread(rng);
    }
    std::discrete_distribution<int> homeOrg(orgWeights.begin(), orgWeights.end());

    struct Person
    {
        std::string id;
        std::string email;
        std::string displayName;
        bool disabled = false;
        int firstName = 0;
    };
    struct MembershipSpec
    {
        int person;
        int org;
    };
    std::vector<Person> people(std::size_t(m_size.people));
    std::vector<MembershipSpec> memberships;
    memberships.reserve(std::size_t(m_size.people) * 11 / 10);
    std::unordered_map<std::string, int> emailCounts;
    emailCounts.reserve(std::size_t(m_size.people));
    const int rootIndex = root;
    const auto findOrg = [&](const char* slug) {
        for (std::size_t i = 0; i < orgs.size(); ++i) {
            if (orgs[i].slug == slug)
                return int(i);
        }
        throw std::logic_error("landmark missing");
    };
    const int resellerIndex = findOrg(WorldLandmarks::kResellerSlug);
    for (std::size_t p = 0; p < people.size(); ++p) {
        Person& person = people[p];
        person.id = uuid(rng);
        int org = homeOrg(rng);
        if (p == 0 || p == 1) {
            // The benchmark's own admins: the platform owner at the root and an org admin at the reseller.
            org = p == 0 ? rootIndex : resellerIndex;
            person.displayName = p == 0 ? "Bench Owner" : "Bench Reseller Admin";
            person.email = p == 0 ? WorldLandmarks::kOwnerEmail : WorldLandmarks::kResellerAdminEmail;
        } else {
            person.firstName = uniformInt(rng, 0, int(kFirstNames.size()) - 1);
            const Name& first = kFirstNames[std::size_t(person.firstName)];
            const Name& last = pick(rng, kLastNames);
            person.displayName = std::string(first.display) + ' ' + last.display;
            std::string local = std::string(first.ascii) + '.' + last.ascii;
            const std::string domain = orgs[std::size_t(org)].slug + ".example";
            const int n = emailCounts[local + '@' + domain]++;
            if (n > 0)
                local += std::to_string(n + 1);
            person.email = local + '@' + domain;
            person.disabled = uniform(rng) < 0.03;
        }
        memberships.push_back({int(p), org});
        // B2B2X: some people also work for their org's parent, or for another partner altogether.
        if (p > 1 && uniform(rng) < 0.09) {
            const int parent = orgs[std::size_t(org)].parent;
            const int second = (parent >= 0 && uniform(rng) < 0.5) ? parent : homeOrg(rng);
            if (second != org) {
                memberships.push_back({int(p), second});
                if (uniform(rng) < 0.1) {
                    const int third = homeOrg(rng);
                    if (third != org && third != second)
                        memberships.push_back({int(p), third});
                }
            }
        }
    }
    {
        BulkInsert insert(db, QStringLiteral("users"),
                          {QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("display_name"),
                           QStringLiteral("name_key"), QStringLiteral("status"), QStringLiteral("last_sign_in_at"),
                           QStringLiteral("created_at"), QStringLiteral("updated_at")});
        inTransactions(db, insert, (long long)people.size(), [&](long long i) {
            const Person& person = people[std::size_t(i)];
            const double age = 1 + 1500 * uniform(rng);
            const std::string created = daysAgo(age);
            // Most people signed in recently, some long ago, some never (invited, imported, never came).
            QVariant lastSignIn = sql::nullable({});
            if (uniform(rng) >= 0.12) {
                const double since = std::min(age, -45.0 * std::log(1.0 - uniform(rng)));
                lastSignIn = text(daysAgo(since));
            }
            insert.add({text(person.id), text(person.email), text(person.displayName),
                        text(sql::foldKey(person.displayName)),
                        person.disabled ? QStringLiteral("disabled") : QStringLiteral("active"), lastSignIn,
                        text(created), text(created)});
        });
        progress.step("people", insert.written());
    }

    std::vector<std::vector<int>> activeMembersOf(orgs.size());
    std::vector<std::string> membershipIds(memberships.size());
    {
        BulkInsert insert(db, QStringLiteral("memberships"),
                          {QStringLiteral("id"), QStringLiteral("user_id"), QStringLiteral("org_id"),
                           QStringLiteral("status"), QStringLiteral("title"), QStringLiteral("source"),
                           QStringLiteral("expires_at"), QStringLiteral("created_at")});
        inTransactions(db, insert, (long long)memberships.size(), [&](long long i) {
            const MembershipSpec& m = memberships[std::size_t(i)];
            const bool benchAdmin = m.person <= 1;
            const double r = uniform(rng);
            const char* status = benchAdmin || r < 0.94 ? "active" : r < 0.97 ? "suspended" : "ended";
            const double s = uniform(rng);
            const char* source = benchAdmin || s < 0.6 ? "manual" : s < 0.85 ? "invitation" : "import";
            QVariant expires = sql::nullable({});
            if (!benchAdmin && uniform(rng) < 0.03) // contractors and projects; a third already over
                expires = text(daysAgo(120 - 360 * uniform(rng)));
            const bool active = std::string_view(status) == "active" && expires.isNull();
            if (active && !people[std::size_t(m.person)].disabled)
                activeMembersOf[std::size_t(m.org)].push_back(m.person);
            insert.add({text(uuid(rng)), text(people[std::size_t(m.person)].id), text(orgs[std::size_t(m.org)].id),
                        QString::fromLatin1(status), QString::fromLatin1(pick(rng, kTitles)),
                        QString::fromLatin1(source), expires, text(daysAgo(1 + 1000 * uniform(rng)))});
        });
        progress.step("memberships", insert.written());
    }

    // ---- Admins at every level ----------------------------------------------------------------------------------
    struct Grant
    {
        int person;
        int org;
        const char* role;
    };
    std::vector<Grant> grants{{0, rootIndex, "platform-owner"}, {1, resellerIndex, "org-admin"}};
    for (std::size_t o = 0; o < orgs.size(); ++o) {
        std::vector<int>& members = activeMembersOf[o];
        members.erase(std::remove_if(members.begin(), members.end(), [](int p) { return p <= 1; }), members.end());
        if (members.empty())
            continue;
        const bool partner = orgs[o].kind == core::OrgKind::Manufacturer ||
                             orgs[o].kind == core::OrgKind::Distributor || orgs[o].kind == core::OrgKind::Reseller;
        const double r = uniform(rng);
        const int admins = partner ? 2 : (r < 0.75 ? 1 : 0);
        const int managers = partner ? 1 : (r < 0.15 ? 1 : 0);
        std::shuffle(members.begin(), members.end(), rng);
        std::size_t next = 0;
        for (int a = 0; a < admins && next < members.size(); ++a)
            grants.push_back({members[next++], int(o), "org-admin"});
        for (int m = 0; m < managers && next < members.size(); ++m)
            grants.push_back({members[next++], int(o), "user-manager"});
        if (o == std::size_t(rootIndex) && next < members.size())
            grants.push_back({members[next++], int(o), "security-auditor"});
        if (partner && next < members.size() && uniform(rng) < 0.3)
            grants.push_back({members[next++], int(o), "flow-designer"});
    }
    {
        BulkInsert insert(db, QStringLiteral("role_assignments"),
                          {QStringLiteral("id"), QStringLiteral("user_id"), QStringLiteral("role_id"),
                           QStringLiteral("org_id"), QStringLiteral("justification"), QStringLiteral("created_at"),
                           QStringLiteral("revoked_at")});
        inTransactions(db, insert, (long long)grants.size(), [&](long long i) {
            const Grant& g = grants[std::size_t(i)];
            // Built-in roles' ids are their keys. A few assignments are history: revoked, kept for audit.
            const bool revoked = i > 1 && uniform(rng) < 0.03;
            const double age = 1 + 900 * uniform(rng);
            insert.add({text(uuid(rng)), text(people[std::size_t(g.person)].id), QString::fromLatin1(g.role),
                        text(orgs[std::size_t(g.org)].id), QStringLiteral("generated for the benchmark"),
                        text(daysAgo(age)), revoked ? text(daysAgo(age / 2)) : sql::nullable({})});
        });
        progress.step("role assignments", insert.written());
    }

    db.transaction([&] {
        core::AuditEvent event;
        event.actorType = "system";
        event.actorDisplay = "bench_delegation";
        event.action = "system.seed";
        event.targetType = "org";
        event.targetId = orgs.front().id;
        event.targetDisplay = orgs.front().name;
        event.targetOrgPath = orgs.front().path;
        event.outcome = "success";
        event.reason = "benchmark world generated";
        event.after = {{"orgs", orgs.size()},
                       {"people", people.size()},
                       {"memberships", memberships.size()},
                       {"roleAssignments", grants.size()},
                       {"seed", m_size.seed}};
        server::AuditLog(db).append(event);
    });
    if (db.dialect() == SqlDialect::Sqlite) {
        for (const char* pragma :
             {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -2000"})
            sql::runDirect(db, QString::fromLatin1(pragma), "restoring SQLite's settings failed");
    } else {
        // What autovacuum would do within a minute of a bulk load: planner statistics for the new tables.
        sql::runDirect(db, QStringLiteral("ANALYZE"), "analysing the new tables failed");
        progress.step("ANALYZE", 0);
    }
}

} // namespace trellis::bench
