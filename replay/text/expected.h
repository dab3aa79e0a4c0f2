// Results that are a value or a Diagnostic: replay's one error convention
// for file and decoding errors (exceptions stay inside the core).
#pragma once

#include <utility>
#include <variant>

#include "replay/text/diagnostic.h"

namespace replay {

/// A `T`, or the Diagnostic saying why there is none.
template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}
  Expected(Diagnostic error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& operator*() { return std::get<0>(state_); }
  const T& operator*() const { return std::get<0>(state_); }
  T* operator->() { return &std::get<0>(state_); }
  const T* operator->() const { return &std::get<0>(state_); }
  /// Why there is no value; only when !ok().
  const Diagnostic& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Diagnostic> state_;
};

/// The value of an Expected<void>: nothing, but done.
struct Done {};

/// Success or the Diagnostic of a failure.
template <>
class [[nodiscard]] Expected<void> : public Expected<Done> {
 public:
  Expected() : Expected<Done>(Done{}) {}
  Expected(Diagnostic error) : Expected<Done>(std::move(error)) {}
};

}  // namespace replay
