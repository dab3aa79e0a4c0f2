#include "pycon/bridge.h"

#include <structmember.h>  // PyMemberDef before 3.12

#include <cstddef>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <utility>

namespace pycon {

namespace {

/// A tuple of `args`, each a new reference of the tuple's.
PyRef MakeTuple(const std::vector<PyRef>& args) {
  PyRef tuple = Check(PyTuple_New(static_cast<Py_ssize_t>(args.size())), "building arguments");
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!args[i]) throw std::invalid_argument("pycon: a null argument");
    PyTuple_SET_ITEM(tuple.get(), static_cast<Py_ssize_t>(i), PyRef(args[i]).release());
  }
  return tuple;
}

constexpr char kFunctionCapsule[] = "pycon.Function";

/// What a function made by MakeFunction holds: its method definition
/// (which must outlive the function object) and the C++ body.
struct Function {
  PyMethodDef definition{};
  std::string name;
  std::string doc;
  Callback body;
};

/// The C function behind every MakeFunction function: `self` is the
/// capsule holding its Function.
PyObject* CallFunction(PyObject* self, PyObject* args) {
  return CallFromPython([&] {
    auto* function = static_cast<Function*>(PyCapsule_GetPointer(self, kFunctionCapsule));
    if (function == nullptr) ThrowPythonError("a C++ function");
    std::vector<PyRef> arguments;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); ++i)
      arguments.push_back(PyRef::Borrow(PyTuple_GET_ITEM(args, i)));
    PyRef result = function->body(arguments);
    return result ? result : None();
  });
}

void DeleteFunction(PyObject* capsule) {
  delete static_cast<Function*>(PyCapsule_GetPointer(capsule, kFunctionCapsule));
}

}  // namespace

PyRef NewNamespace(std::string_view name) {
  PyRef globals = Check(PyDict_New(), "a namespace");
  if (PyDict_SetItemString(globals.get(), "__builtins__", PyEval_GetBuiltins()) != 0)
    ThrowPythonError("a namespace's __builtins__");
  if (!name.empty()) SetItem(globals, "__name__", MakeStr(name));
  return globals;
}

PyRef MainNamespace() {
  PyObject* main = PyImport_AddModule("__main__");  // borrowed
  if (main == nullptr) ThrowPythonError("the __main__ module");
  return PyRef::Borrow(PyModule_GetDict(main));
}

PyRef Compile(std::string_view source, std::string_view filename) {
  std::string text(source), name(filename);
  return Check(Py_CompileString(text.c_str(), name.c_str(), Py_file_input), "compiling " + name);
}

void Exec(const PyRef& code, const PyRef& namespace_dict, const std::string& context) {
  Check(PyEval_EvalCode(code.get(), namespace_dict.get(), namespace_dict.get()),
        context.empty() ? "running code" : context);
}

void Exec(std::string_view source, std::string_view filename, const PyRef& namespace_dict,
          const std::string& context) {
  Exec(Compile(source, filename), namespace_dict,
       context.empty() ? "running " + std::string(filename) : context);
}

PyRef Import(const std::string& module) {
  return Check(PyImport_ImportModule(module.c_str()), "importing " + module);
}

PyRef GetAttr(const PyRef& object, const std::string& name) {
  return Check(PyObject_GetAttrString(object.get(), name.c_str()), name);
}

PyRef GetItem(const PyRef& mapping, std::string_view key) {
  return Check(PyObject_GetItem(mapping.get(), MakeStr(key).get()), std::string(key));
}

void SetItem(const PyRef& mapping, std::string_view key, const PyRef& value) {
  if (PyObject_SetItem(mapping.get(), MakeStr(key).get(), value.get()) != 0)
    ThrowPythonError("setting " + std::string(key));
}

PyRef SysAttr(const std::string& name) { return PyRef::Borrow(PySys_GetObject(name.c_str())); }

PyRef Call(const PyRef& callable, const std::vector<PyRef>& args, const std::string& context) {
  PyRef arguments = MakeTuple(args);
  return Check(PyObject_Call(callable.get(), arguments.get(), nullptr),
               context.empty() ? "calling a function" : context);
}

PyRef CallMethod(const PyRef& object, const std::string& name, const std::vector<PyRef>& args,
                 const std::string& context) {
  const std::string& what = context.empty() ? name + "()" : context;
  PyRef method = Check(PyObject_GetAttrString(object.get(), name.c_str()), what);
  PyRef arguments = MakeTuple(args);
  return Check(PyObject_Call(method.get(), arguments.get(), nullptr), what);
}

void SetSysFlag(const std::string& name, const PyRef& value) {
  PyObject* flags = PySys_GetObject("flags");  // borrowed
  if (flags == nullptr) throw std::runtime_error("sys.flags is missing");
  PyTypeObject* type = Py_TYPE(flags);
  // A struct sequence's field is a member at its item's offset.
  Py_ssize_t index = -1;
  for (const PyMemberDef* member = type->tp_members; member && member->name; ++member) {
    if (std::strcmp(member->name, name.c_str()) == 0) {
      index = (member->offset - static_cast<Py_ssize_t>(offsetof(PyTupleObject, ob_item))) /
              static_cast<Py_ssize_t>(sizeof(PyObject*));
    }
  }
  if (index < 0) throw std::invalid_argument("sys.flags has no field " + name);
  long fields = ToLong(GetAttr(PyRef::Borrow(reinterpret_cast<PyObject*>(type)), "n_fields"));
  PyRef copy = Check(PyStructSequence_New(type), "a copy of sys.flags");
  for (Py_ssize_t i = 0; i < fields; ++i) {
    PyObject* item = i == index ? value.get() : PyStructSequence_GetItem(flags, i);
    PyStructSequence_SetItem(copy.get(), i, PyRef::Borrow(item).release());
  }
  if (PySys_SetObject("flags", copy.get()) != 0) ThrowPythonError("setting sys.flags");
}

PyRef None() { return PyRef::Borrow(Py_None); }

bool IsNone(const PyRef& object) { return object.get() == Py_None; }

bool IsList(const PyRef& object) { return PyList_Check(object.get()); }

PyRef MakeInt(long value) { return Check(PyLong_FromLong(value), "an int"); }

PyRef MakeStrList(const std::vector<std::string>& items) {
  PyRef list = Check(PyList_New(0), "a list");
  for (const std::string& item : items) {
    if (PyList_Append(list.get(), MakeStr(item).get()) != 0) ThrowPythonError("a list");
  }
  return list;
}

long ToLong(const PyRef& object) {
  long value = PyLong_AsLong(object.get());
  if (value == -1 && PyErr_Occurred()) ThrowPythonError("an int");
  return value;
}

std::vector<PyRef> Items(const PyRef& iterable) {
  PyRef items = Check(PySequence_Fast(iterable.get(), "expected an iterable"), "items");
  std::vector<PyRef> result;
  for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(items.get()); ++i)
    result.push_back(PyRef::Borrow(PySequence_Fast_GET_ITEM(items.get(), i)));
  return result;
}

std::string Str(const PyRef& object) { return Str(object.get()); }

std::vector<std::string> Strs(const PyRef& iterable) {
  std::vector<std::string> strings;
  for (const PyRef& item : Items(iterable)) strings.push_back(Str(item));
  return strings;
}

PyRef MakeFunction(std::string name, Callback body, std::string doc) {
  auto function = std::make_unique<Function>();
  function->name = std::move(name);
  function->doc = std::move(doc);
  function->body = std::move(body);
  function->definition.ml_name = function->name.c_str();
  function->definition.ml_meth = CallFunction;
  function->definition.ml_flags = METH_VARARGS;
  function->definition.ml_doc = function->doc.empty() ? nullptr : function->doc.c_str();
  PyRef capsule =
      Check(PyCapsule_New(function.get(), kFunctionCapsule, DeleteFunction), "a C++ function");
  Function* owned = function.release();  // the capsule's now
  return Check(PyCFunction_New(&owned->definition, capsule.get()), owned->name);
}

}  // namespace pycon
