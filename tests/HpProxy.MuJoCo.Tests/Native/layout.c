/* Prints the mjModel/mjData offsets that HpProxy.MuJoCo hard-codes in Layout222.cs, one "Name offset" per line. */
#include <stdio.h>
#include <stddef.h>
#include <mujoco/mujoco.h>
#define M(name, field) printf("%s %zu\n", name, offsetof(mjModel, field));
#define D(name, field) printf("%s %zu\n", name, offsetof(mjData, field));
int main(void) {
  printf("Version %d\n", mjVERSION_HEADER);
  M("ModelNq", nq) M("ModelNv", nv) M("ModelNu", nu) M("ModelNbody", nbody)
  printf("ModelTimestep %zu\n", offsetof(mjModel, opt) + offsetof(mjOption, timestep));
  M("ModelQpos0", qpos0) M("ModelBodyMass", body_mass)
  D("DataTime", time) D("DataQpos", qpos) D("DataQvel", qvel) D("DataCtrl", ctrl) D("DataXipos", xipos)
  D("DataCinert", cinert) D("DataCvel", cvel) D("DataQfrcActuator", qfrc_actuator) D("DataCfrcExt", cfrc_ext)
  return 0;
}
