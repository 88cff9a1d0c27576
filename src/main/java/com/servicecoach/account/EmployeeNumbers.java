package com.servicecoach.account;

/** Answers whether an agent profile exists, so agent users can be linked to it (implemented by agent/). */
public interface EmployeeNumbers {
    boolean exists(String employeeNo);
}
