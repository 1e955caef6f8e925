#pragma once

#include <QString>

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace dermaplan {

// An expected failure (bad input, I/O, SQL) described for a person: what is wrong and where.
struct Error {
    QString message;
    QString file;  // data file or database path, if any
    int line = 0;  // 1-based line in `file`, 0 when not applicable
    QString field; // input field or JSON path, if any

    // Named ways to make one, so that a reader sees which part is which.
    [[nodiscard]] static Error plain(QString message) {
        return Error{std::move(message), {}, 0, {}};
    }
    [[nodiscard]] static Error inField(QString field, QString message) {
        return Error{std::move(message), {}, 0, std::move(field)};
    }
    [[nodiscard]] static Error inFile(QString file, QString message) {
        return Error{std::move(message), std::move(file), 0, {}};
    }
    [[nodiscard]] static Error at(QString file, int line, QString field, QString message) {
        return Error{std::move(message), std::move(file), line, std::move(field)};
    }

    // "FILE:LINE: field: message", leaving out the parts that are empty.
    [[nodiscard]] QString toString() const {
        QString where;
        if (!file.isEmpty())
            where +=
                file + (line > 0 ? u':' + QString::number(line) : QString()) + QStringLiteral(": ");
        if (!field.isEmpty())
            where += field + QStringLiteral(": ");
        return where + message;
    }
};

// A value or an Error. Accessing the wrong alternative is a programming error.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T v)
        : m_data(std::move(v)) {}
    Result(Error error)
        : m_data(std::move(error)) {}

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T& value() const& {
        assert(ok());
        return std::get<0>(m_data);
    }
    [[nodiscard]] T& value() & {
        assert(ok());
        return std::get<0>(m_data);
    }
    [[nodiscard]] T&& value() && {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    // The value, or `fallback` when this is an error.
    [[nodiscard]] T valueOr(T fallback) const& { return ok() ? value() : std::move(fallback); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }

    [[nodiscard]] const Error& error() const {
        assert(!ok());
        return std::get<1>(m_data);
    }

    // The next step, taken only when this one succeeded: `next()`'s result, or this error.
    template <typename F> [[nodiscard]] auto andThen(F&& next) const -> decltype(next()) {
        if (!ok())
            return error();
        return next();
    }

private:
    std::variant<T, Error> m_data;
};

// For operations that return nothing but can fail.
struct Done {};
using Status = Result<Done>;
inline Status success() {
    return Done{};
}

} // namespace dermaplan
