// SPDX-License-Identifier: GPL-3.0-or-later
// sundial-login-check: run by pam_exec in the PAM account stage (installer/pam/sundial). It
// refuses a limited child's login outside allowed hours or with no time left (exit 1, with a
// message on stdout that pam_exec's `stdout` option passes to the login screen) and allows
// everything else (exit 0). It fails open: when the service cannot answer, the login is allowed
// and recorded in the unchecked-logins file, which sundiald audits when it next starts.
//
// Environment (pam_exec passes the PAM environment and items, not its caller's environment):
// PAM_USER, PAM_SERVICE, PAM_TTY, PAM_TYPE; DBUS_SYSTEM_BUS_ADDRESS and SUNDIAL_UNCHECKED_LOGINS
// (tests point these at a private bus and a temporary file).
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <future>
#include <iostream>
#include <pwd.h>
#include <string>
#include <string_view>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QStringList>
#include <QVariantMap>

namespace
{

using namespace std::chrono_literals;

constexpr int kAllow = 0;
constexpr int kRefuse = 1;
constexpr std::chrono::milliseconds kCallTimeout = 3s;
// The whole question, connecting included: a hung bus must not hold up a login for long.
constexpr std::chrono::milliseconds kDeadline = 5s;
constexpr const char *kDefaultUncheckedLogins = "/run/sundial/unchecked-logins";
// Past this size nothing more is recorded (the login is still allowed): a service that stays
// away must not let the file fill /run.
constexpr off_t kMaxUncheckedBytes = 256 * 1024;
constexpr std::size_t kMaxFieldBytes = 200;

struct Login {
    std::string user;
    std::string service;
    std::string tty;
};

// What the service said about the account.
struct Answer {
    enum class Kind { Status, NotLimited, Unanswered };
    Kind kind = Kind::Unanswered;
    QVariantMap status; // for Status
    std::string problem; // for Unanswered: why there is no answer
};

std::string environment(const char *name)
{
    const char *value = std::getenv(name);
    return value ? value : "";
}

// One field of an unchecked-logins line: never empty, no tabs or line breaks, bounded.
std::string field(std::string_view text)
{
    std::string out;
    for (const char c : text.substr(0, kMaxFieldBytes)) {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte < 0x20 || byte == 0x7f) ? '?' : c;
    }
    return out.empty() ? "-" : out;
}

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc {};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// Appends "<UTC time>\t<user>\t<service>\t<tty>\t<why>\n" to the unchecked-logins file (created
// 0600, its directory 0700 when missing). sundiald reads these lines into its audit as
// "login-unchecked" and deletes the file. Best effort: a failure is reported on stderr only,
// since the login is allowed either way.
void recordUnchecked(const Login &login, const std::string &why)
{
    std::string path = environment("SUNDIAL_UNCHECKED_LOGINS");
    if (path.empty()) {
        path = kDefaultUncheckedLogins;
    }
    if (const auto slash = path.rfind('/'); slash != std::string::npos && slash > 0) {
        ::mkdir(path.substr(0, slash).c_str(), 0700); // EEXIST is the usual case
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        std::cerr << "sundial-login-check: cannot record the unchecked login in " << path << "\n";
        return;
    }
    struct stat info = {};
    const std::string line = field(utcNow()) + '\t' + field(login.user) + '\t' + field(login.service) + '\t'
        + field(login.tty) + '\t' + field(why) + '\n';
    // One write() on an O_APPEND file: concurrent logins never interleave within a line.
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size > kMaxUncheckedBytes
        || ::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
        std::cerr << "sundial-login-check: the unchecked login was not recorded in " << path << "\n";
    }
    ::close(fd);
}

// Asks the service on the system bus. A process running as the account itself (a screen locker
// checking its own user) may not use Admin, so it asks Child.GetStatus about itself instead.
Answer askService(uid_t uid)
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        return {Answer::Kind::Unanswered, {}, "no system bus: " + bus.lastError().message().toStdString()};
    }
    const bool self = ::getuid() == uid;
    QDBusMessage call
        = QDBusMessage::createMethodCall(QStringLiteral("org.sundial.Agent1"), QStringLiteral("/org/sundial/Agent1"),
            self ? QStringLiteral("org.sundial.Agent1.Child") : QStringLiteral("org.sundial.Agent1.Admin"),
            self ? QStringLiteral("GetStatus") : QStringLiteral("GetChildStatus"));
    if (!self) {
        call << static_cast<uint>(uid);
    }
    const QDBusMessage reply = bus.call(call, QDBus::Block, static_cast<int>(kCallTimeout.count()));
    if (reply.type() == QDBusMessage::ErrorMessage) {
        if (reply.errorName() == QLatin1String("org.sundial.Error.NotLimited")) {
            return {Answer::Kind::NotLimited, {}, {}};
        }
        return {Answer::Kind::Unanswered, {},
            (reply.errorName() + QStringLiteral(": ") + reply.errorMessage()).toStdString()};
    }
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 1
        || !reply.arguments().at(0).canConvert<QDBusArgument>()) {
        return {Answer::Kind::Unanswered, {}, "the service's reply was not a status"};
    }
    const QVariantMap status = qdbus_cast<QVariantMap>(reply.arguments().at(0));
    if (!status.value(QStringLiteral("limited")).toBool()) {
        return {Answer::Kind::NotLimited, {}, {}};
    }
    return {Answer::Kind::Status, status, {}};
}

// "15:00", "tomorrow at 15:00" or "Monday at 15:00", in the local time zone (as the service's
// reasons say it).
std::string momentText(std::time_t at)
{
    const std::time_t now = std::time(nullptr);
    std::tm today {};
    std::tm then {};
    localtime_r(&now, &today);
    localtime_r(&at, &then);
    std::tm tomorrow = today;
    tomorrow.tm_mday += 1;
    tomorrow.tm_hour = 12; // away from any DST change
    tomorrow.tm_isdst = -1;
    const std::time_t noonTomorrow = std::mktime(&tomorrow);
    localtime_r(&noonTomorrow, &tomorrow);
    char clock[16];
    std::strftime(clock, sizeof clock, "%H:%M", &then);
    const auto sameDate
        = [](const std::tm &a, const std::tm &b) { return a.tm_year == b.tm_year && a.tm_yday == b.tm_yday; };
    if (sameDate(then, today)) {
        return clock;
    }
    if (sameDate(then, tomorrow)) {
        return std::string {"tomorrow at "} + clock;
    }
    char weekday[32];
    std::strftime(weekday, sizeof weekday, "%A", &then);
    return std::string {weekday} + " at " + clock;
}

// The words for the person at the login screen, from the service's status only.
std::string refusal(const QVariantMap &status)
{
    const std::string reason = status.value(QStringLiteral("reason")).toString().toStdString();
    std::string text
        = "Sundial: no screen time now — " + (reason.empty() ? std::string {"not allowed"} : reason) + ".\n";
    // An outside-hours reason already names the next allowed time. Otherwise nextChangeAt is
    // the earliest moment the verdict can change by the rules alone, so it is a true lower bound.
    const qint64 nextChange = status.value(QStringLiteral("nextChangeAt")).toLongLong();
    if (reason.find("next allowed") == std::string::npos && nextChange > std::time(nullptr)) {
        text += "Next allowed: not before " + momentText(static_cast<std::time_t>(nextChange))
            + ", unless a parent allows it sooner.\n";
    }
    QStringList help;
    for (const char *key : {"helpLineName", "helpLinePhone", "helpLineUrl"}) {
        const QString value = status.value(QLatin1String(key)).toString().trimmed();
        if (!value.isEmpty()) {
            help << value;
        }
    }
    if (!help.isEmpty()) {
        text += "If you need someone to talk to: " + help.join(QStringLiteral(", ")).toStdString() + "\n";
    }
    return text;
}

int run(int argc, char **argv)
{
    const Login login {environment("PAM_USER"), environment("PAM_SERVICE"), environment("PAM_TTY")};
    if (login.user.empty()) {
        std::cerr << "sundial-login-check: PAM_USER is not set; nothing to check (run me from pam_exec)\n";
        return kAllow;
    }
    if (const std::string type = environment("PAM_TYPE"); !type.empty() && type != "account") {
        std::cerr << "sundial-login-check: belongs in the PAM account stage, not " << type << "; allowing\n";
        return kAllow;
    }
    const passwd *account = ::getpwnam(login.user.c_str());
    if (!account || account->pw_uid == 0) {
        return kAllow; // an unknown user is refused elsewhere; root is never limited
    }
    const uid_t uid = account->pw_uid;

    // QtDBus wants an application object; no event loop runs: the call blocks.
    QCoreApplication app(argc, argv);
    std::packaged_task<Answer()> question([uid] { return askService(uid); });
    std::future<Answer> pending = question.get_future();
    std::thread asking(std::move(question));
    if (pending.wait_for(kDeadline) != std::future_status::ready) {
        recordUnchecked(login, "the service did not answer within " + std::to_string(kDeadline.count()) + " ms");
        std::cout.flush();
        std::_Exit(kAllow); // the asking thread may be stuck in the bus library; do not wait for it
    }
    asking.join();
    const Answer answer = pending.get();
    switch (answer.kind) {
    case Answer::Kind::NotLimited:
        return kAllow;
    case Answer::Kind::Unanswered:
        std::cerr << "sundial-login-check: allowing " << login.user << " unchecked: " << answer.problem << "\n";
        recordUnchecked(login, answer.problem);
        return kAllow;
    case Answer::Kind::Status:
        break;
    }
    const QString verdict = answer.status.value(QStringLiteral("verdict")).toString();
    if (verdict != QLatin1String("outside-hours") && verdict != QLatin1String("out-of-time")) {
        return kAllow;
    }
    std::cout << refusal(answer.status) << std::flush;
    return kRefuse;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        return run(argc, argv);
    } catch (const std::exception &error) {
        // Fail open, as when the service is away: a bug here must not lock everyone out.
        std::cerr << "sundial-login-check: unexpected error: " << error.what() << "; allowing\n";
        return kAllow;
    }
}
