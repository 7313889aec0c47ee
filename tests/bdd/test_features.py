"""Binds every scenario of features/ (one feature file per programme) to the steps in conftest."""

from pytest_bdd import scenarios

scenarios("../../features")
